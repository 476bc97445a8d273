namespace AdrPlatform.Domain.Egress;

/// <summary>What one tenant's tool may reach: the schemes, and the hosts on both the tenant's and the tool's allowlist.</summary>
public sealed record EgressPolicy(bool AllowHttp, HostAllowlist TenantHosts, HostAllowlist? ToolHosts)
{
    /// <summary>The URL to request for <paramref name="raw"/> (resolved against <paramref name="relativeTo"/>), or <see cref="EgressRefusedException"/>.</summary>
    public EgressUrl Admit(string raw, Uri? relativeTo = null)
    {
        var url = EgressUrl.Parse(raw, relativeTo);
        if (!TenantHosts.Allows(url.Host) || ToolHosts?.Allows(url.Host) == false)
        {
            throw new EgressRefusedException(EgressRefusalReason.HostNotAllowed, url.Host, $"the host {url.Host} is not on the allowlist");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !AllowHttp)
        {
            throw new EgressRefusedException(EgressRefusalReason.SchemeNotAllowed, url.Host, "plain http is not allowed for this tenant");
        }

        return url;
    }
}
