using System.Net;

namespace AdrPlatform.Adapters.Egress;

/// <summary>The operating system's resolver.</summary>
public sealed class SystemDnsResolver : IEgressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
