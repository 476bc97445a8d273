using AdrPlatform.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Adapters.Egress;

public static class EgressServiceCollectionExtensions
{
    /// <summary>
    /// Registers the guarded <see cref="IEgressClient"/> and the system resolver (unless one is registered). The host binds
    /// and checks <see cref="EgressOptions"/>; here only the check that needs the host's environment.
    /// </summary>
    public static IServiceCollection AddGuardedEgress(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EgressOptions>, LoopbackAllowanceCheck>());
        services.AddOptions<EgressOptions>().ValidateOnStart();
        services.TryAddSingleton<IEgressResolver, SystemDnsResolver>();
        services.TryAddSingleton<IEgressClient, GuardedEgressClient>();
        return services;
    }
}
