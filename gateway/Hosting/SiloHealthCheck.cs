using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdrPlatform.Gateway.Hosting;

/// <summary>Ready when this process's silo is active in its cluster.</summary>
public sealed class SiloHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken);
            return hosts.Count > 0 ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)") : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception error) when (error is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", error);
        }
    }
}
