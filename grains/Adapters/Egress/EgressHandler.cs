using System.Net;

namespace AdrPlatform.Adapters.Egress;

/// <summary>The HTTP handler of the egress guard: every connection through the pinned connector, nothing sent that the caller did not choose.</summary>
internal static class EgressHandler
{
    public static SocketsHttpHandler Create(PinnedConnector connector) => new()
    {
        ConnectCallback = connector.ConnectAsync,
        AllowAutoRedirect = false, // followed by the client, each hop checked
        UseProxy = false, // a proxy would make the connector vet the proxy, not the site
        UseCookies = false,
        Credentials = null,
        PreAuthenticate = false,
        AutomaticDecompression = DecompressionMethods.All, // the size limit counts decoded bytes, so a compression bomb stops at it
        MaxResponseDrainSize = 0, // a response given up (too large, a redirect) closes its connection instead of being read on
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        MaxResponseHeadersLength = 64, // KiB
    };
}
