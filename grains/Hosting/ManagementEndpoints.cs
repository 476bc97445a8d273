using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdrPlatform.Hosting;

public static class ManagementEndpoints
{
    /// <summary>Health checks with this tag decide /readyz.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Requests on the management port get /metrics (every tenant's usage), /healthz (the process answers) and /readyz
    /// (its silo is active in the cluster) and nothing else; requests on API ports never reach them. Decided by the port
    /// the connection came in on, never by the Host header a client sends.
    /// </summary>
    public static void UseManagementEndpoints(this IApplicationBuilder app, ManagementOptions management)
    {
        ArgumentNullException.ThrowIfNull(management);
        app.MapWhen(context => context.Connection.LocalPort == management.Port, endpoints =>
        {
            endpoints.UseOpenTelemetryPrometheusScrapingEndpoint("/metrics");
            endpoints.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
            endpoints.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag) });
            endpoints.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }
}
