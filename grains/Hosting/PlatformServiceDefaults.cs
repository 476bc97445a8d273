using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AdrPlatform.Hosting;

/// <summary>What every silo host has, front or worker: telemetry, a readiness check on its silo, and the management port.</summary>
public static class PlatformServiceDefaults
{
    /// <summary>Adds telemetry and health checks and returns the checked management settings; <see cref="ManagementEndpoints.UseManagementEndpoints"/> serves them.</summary>
    public static ManagementOptions AddPlatformServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPlatformTelemetry(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans", tags: [ManagementEndpoints.ReadinessTag]);
        return builder.Configuration.GetValidated<ManagementOptions>(ManagementOptions.Section);
    }

}
