using AdrPlatform.Gateway.Hosting;
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
    [InlineData("Gateway:ManagementPort", "5080")]
    [InlineData("Gateway:ManagementPort", "70000")]
    [InlineData("Gateway:ManagementHost", "not a host")]
    public void A_bad_setting_is_refused_by_name(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(setting, value)]).Build();
        var error = Assert.Throws<OptionsValidationException>(() => GatewayOptions.From(configuration));
        Assert.Contains(error.Failures, failure => failure.Contains(setting + " must", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid_and_keep_metrics_on_loopback()
    {
        var options = GatewayOptions.From(new ConfigurationBuilder().Build());
        Assert.Equal("http://127.0.0.1:9464", options.ManagementUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectionPrefaceTimeout);
    }
}
