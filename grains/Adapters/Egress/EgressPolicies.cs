using System.Collections.Concurrent;
using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Adapters.Egress;

/// <summary>Each tenant's and tool's <see cref="EgressPolicy"/>, built from the settings once; a tenant not configured may fetch nothing.</summary>
internal sealed class EgressPolicies(EgressOptions options)
{
    private static readonly EgressPolicy Nothing = new(AllowHttp: false, HostAllowlist.Nothing, ToolHosts: null);

    private readonly ConcurrentDictionary<(string Tenant, string Tool), EgressPolicy> _policies = new();

    public EgressPolicy For(string tenant, string tool) => _policies.GetOrAdd((tenant, tool), key =>
    {
        if (!options.Tenants.TryGetValue(key.Tenant, out var settings))
        {
            return Nothing;
        }

        var toolHosts = settings.Tools.TryGetValue(key.Tool, out var toolSettings) ? new HostAllowlist(toolSettings.Hosts) : null;
        return new EgressPolicy(settings.AllowHttp, new HostAllowlist(settings.Hosts), toolHosts);
    });
}
