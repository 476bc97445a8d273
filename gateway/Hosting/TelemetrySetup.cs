using AdrPlatform.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AdrPlatform.Gateway.Hosting;

/// <summary>
/// Metrics (the platform's, Orleans', ASP.NET Core's) on a Prometheus endpoint, and traces from the
/// RPC through the grains to the provider call, exported over OTLP when an endpoint is configured.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Telemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(PlatformTelemetry.Name, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing =>
            {
                tracing.AddSource(PlatformTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    tracing.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            });
        return services;
    }
}
