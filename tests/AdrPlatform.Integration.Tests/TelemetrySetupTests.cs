using System.Collections.Concurrent;
using System.Diagnostics;
using AdrPlatform.Hosting;
using AdrPlatform.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
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
        var exported = new SpanCollector();
        using var services = Build(
            new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317", ["Telemetry:TraceSampleRatio"] = "1" },
            tracing => tracing.AddProcessor(exported));
        Assert.NotNull(services.GetService<TracerProvider>());
        var name = "test.span." + Guid.NewGuid().ToString("N");

        using (PlatformTelemetry.Traces.StartActivity(name))
        {
        }

        Assert.Contains(exported.Ended, span => span.DisplayName == name && span.Recorded);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public void A_sample_ratio_outside_zero_to_one_is_refused_at_start(string ratio)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Build(new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317", ["Telemetry:TraceSampleRatio"] = ratio }));
        Assert.Contains("Telemetry:TraceSampleRatio", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<TracerProviderBuilder>? tracing = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddPlatformTelemetry(configuration);
        if (tracing is not null)
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Sits beside the OTLP exporter in the configured pipeline and keeps the spans it would be handed.</summary>
    private sealed class SpanCollector : BaseProcessor<Activity>
    {
        public ConcurrentQueue<Activity> Ended { get; } = new();

        public override void OnEnd(Activity data) => Ended.Enqueue(data);
    }
}
