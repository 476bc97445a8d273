using System.Net;
using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Grains;
using AdrPlatform.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdrPlatform.Hosting;

/// <summary>The one place that says how a silo of this platform is put together; every host calls it.</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder AddAdrPlatform(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = configuration.GetSection(PlatformSiloOptions.Section).Get<PlatformSiloOptions>() ?? new PlatformSiloOptions();
        switch (options.Clustering)
        {
            case "localhost":
                silo.UseLocalhostClustering(
                    options.SiloPort,
                    options.GatewayPort,
                    new IPEndPoint(IPAddress.Loopback, options.PrimarySiloPort),
                    options.ServiceId,
                    options.ClusterId);
                break;
            default:
                throw new InvalidOperationException($"Cluster:Clustering \"{options.Clustering}\" is not supported; use \"localhost\".");
        }

        return silo.AddAdrPlatformGrains();
    }

    /// <summary>Storage and services the grains need, without clustering (test clusters bring their own).</summary>
    public static ISiloBuilder AddAdrPlatformGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorage(StorageNames.Tenants);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<IAdrStore, InMemoryAdrStore>();
        return silo;
    }
}
