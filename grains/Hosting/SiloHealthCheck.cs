using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace AdrPlatform.Hosting;

/// <summary>Ready when this process's own silo is an active member of its cluster.</summary>
public sealed class SiloHealthCheck(IClusterClient client, ILocalSiloDetails local) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken);
            return hosts.ContainsKey(local.SiloAddress)
                ? HealthCheckResult.Healthy($"Active among {hosts.Count} silo(s)")
                : HealthCheckResult.Unhealthy("This silo is not an active member of its cluster.");
        }
        catch (Exception error) when (error is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", error);
        }
    }
}
