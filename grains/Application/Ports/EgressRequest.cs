namespace AdrPlatform.Ports;

/// <summary>A GET of <paramref name="Url"/> for <paramref name="Tenant"/>'s <paramref name="Tool"/> (its allowlist: <c>Egress:Tenants:{tenant}:Tools:{tool}</c>).</summary>
public sealed record EgressRequest(string Tenant, string Tool, string Url)
{
    /// <summary>A lower size limit than the configured one (an agent's remaining egress budget); null: the configured limit.</summary>
    public long? MaxResponseBytes { get; init; }
}
