using AdrPlatform.Gateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AdrPlatform.Integration.Tests;

public class TelemetrySetupTests
{
    [Fact]
    public void Without_an_exporter_no_tracer_records_spans()
    {
        using var services = Build(new() { ["Telemetry:OtlpEndpoint"] = "" });
        Assert.Null(services.GetService<TracerProvider>());
    }

    [Fact]
    public void With_an_exporter_spans_are_recorded()
    {
        using var services = Build(new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317", ["Telemetry:TraceSampleRatio"] = "0.25" });
        Assert.NotNull(services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public void A_sample_ratio_outside_zero_to_one_is_refused_at_start(string ratio)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317", ["Telemetry:TraceSampleRatio"] = ratio }));
        Assert.Contains("Telemetry:TraceSampleRatio", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPlatformTelemetry(configuration).BuildServiceProvider();
    }
}
