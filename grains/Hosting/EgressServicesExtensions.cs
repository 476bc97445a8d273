using AdrPlatform.Adapters.Egress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdrPlatform.Hosting;

/// <summary>The egress guard with its settings; worker silos get it with the job services, since only they fetch from outside.</summary>
public static class EgressServicesExtensions
{
    public static IServiceCollection AddEgress(this IServiceCollection services, IConfiguration? configuration)
    {
        services.AddValidatedOptions<EgressOptions>(EgressOptions.Section, configuration);
        return services.AddGuardedEgress();
    }
}
