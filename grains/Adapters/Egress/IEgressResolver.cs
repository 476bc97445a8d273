using System.Net;

namespace AdrPlatform.Adapters.Egress;

/// <summary>Resolves a host name for the egress guard, once per connection; tests put a rebinding resolver here.</summary>
public interface IEgressResolver
{
    /// <summary>The host's addresses; none, or a <see cref="System.Net.Sockets.SocketException"/>, when it does not resolve.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
