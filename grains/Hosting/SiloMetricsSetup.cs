using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AdrPlatform.Hosting;

public static class SiloMetricsSetup
{
    /// <summary>The worker silo's metrics (<see cref="PlatformMeters"/>) on a /metrics endpoint of its own, for Prometheus.</summary>
    public static IServiceCollection AddSiloMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetValidated<SiloMetricsOptions>(SiloMetricsOptions.Section);
        var everyAddress = options.ManagementHost == "0.0.0.0";
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. PlatformMeters.Names])
            .AddPrometheusHttpListener(listener =>
            {
                listener.Host = everyAddress ? "localhost" : options.ManagementHost;
                listener.Port = options.ManagementPort;
                // HttpListener answers requests for any host name (a pod IP) only under the "+" prefix, which the
                // exporter's Host setting does not accept.
                listener.ConfigureHttpListener = everyAddress
                    ? (_, http) =>
                    {
                        http.Prefixes.Clear();
                        http.Prefixes.Add($"http://+:{options.ManagementPort}/");
                    }
                    : null;
            }));
        return services;
    }
}
