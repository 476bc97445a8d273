using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdrPlatform.Hosting;

/// <summary>What every silo host has, front or worker: console logs (text or JSON), telemetry, a readiness check on its silo, and the management port.</summary>
public static class PlatformServiceDefaults
{
    /// <summary>Adds logging, telemetry and health checks and returns the checked management settings; <see cref="ManagementEndpoints.UseManagementEndpoints"/> serves them.</summary>
    public static ManagementOptions AddPlatformServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddPlatformConsole(builder.Configuration);
        builder.Services.AddPlatformTelemetry(builder.Configuration);
        var cluster = builder.Configuration.GetValidated<PlatformSiloOptions>(PlatformSiloOptions.Section);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = cluster.ShutdownTimeout);
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans", tags: [ManagementEndpoints.ReadinessTag]);
        return builder.Configuration.GetValidated<ManagementOptions>(ManagementOptions.Section);
    }

}
