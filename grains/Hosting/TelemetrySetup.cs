using AdrPlatform.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AdrPlatform.Hosting;

/// <summary>
/// Metrics (<see cref="PlatformMeters"/> and ASP.NET Core's) on a Prometheus endpoint, and traces from the
/// RPC through the grains to the provider call, sampled and exported over OTLP when an endpoint is configured.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter([.. PlatformMeters.Names])
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());

        // Spans are only recorded when they go somewhere: a recorded span per grain call (one per streamed
        // batch of tokens) costs CPU on the hot path, and without an exporter it would be thrown away.
        var options = configuration.GetValidated<TelemetryOptions>(TelemetryOptions.Section);
        if (options.ExportsTraces)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddSource(PlatformTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = new Uri(options.OtlpEndpoint!)));
        }

        return services;
    }
}
