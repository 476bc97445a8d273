using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace AdrPlatform.Hosting;

/// <summary>Ready when this process's own silo is an active member of its cluster (a local read: no grain call).</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("This silo is an active member of its cluster.")
            : HealthCheckResult.Unhealthy($"This silo is {membership.CurrentStatus}."));
}
