using AdrPlatform.Gateway.Hosting;
using AdrPlatform.Hosting;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Integration.Tests;

/// <summary>Connection limits and ports are checked before the front silo starts, naming the setting at fault.</summary>
public class GatewayOptionsTests
{
    [Theory]
    [InlineData("Gateway:ConnectionPrefaceTimeout", "00:00:00")]
    [InlineData("Gateway:KeepAliveTimeout", "-00:00:01")]
    [InlineData("Gateway:RequestHeadersTimeout", "2.00:00:00")]
    [InlineData("Gateway:MaxConcurrentConnections", "0")]
    [InlineData("Gateway:Http2MaxStreamsPerConnection", "-1")]
    [InlineData("Management:Port", "5080")]
    [InlineData("Management:Port", "70000")]
    [InlineData("Management:Host", "not a host")]
    public void A_bad_setting_is_refused_by_name(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(setting, value)]).Build();
        var error = Assert.Throws<OptionsValidationException>(() => Read(configuration));
        Assert.Contains(error.Failures, failure => failure.Contains(setting + " must", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid_and_keep_metrics_on_loopback()
    {
        var (gateway, management) = Read(new ConfigurationBuilder().Build());
        Assert.Equal("http://127.0.0.1:9464", management.Url);
        Assert.Equal(TimeSpan.FromSeconds(10), gateway.ConnectionPrefaceTimeout);
    }

    /// <summary>The front silo's listening settings, read and checked as its host does before it starts.</summary>
    private static (GatewayOptions Gateway, ManagementOptions Management) Read(IConfiguration configuration)
    {
        var gateway = GatewayOptions.From(configuration);
        var management = configuration.GetValidated<ManagementOptions>(ManagementOptions.Section);
        gateway.RequireDistinctFrom(management);
        return (gateway, management);
    }
}
