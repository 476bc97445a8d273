namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// The HTTP transport of the chat providers. A streaming response given up before its end (a cancelled
/// answer) closes its connection at once, which is what stops the provider generating: the default
/// handler would drain the rest of the response to reuse the connection, letting the provider request
/// run on for up to two seconds, or to its end when the answer is short.
/// </summary>
internal static class ProviderTransport
{
    public static HttpClient Shared { get; } = new(new SocketsHttpHandler
    {
        MaxResponseDrainSize = 0,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        // Streams may outlast HttpClient's 100 s default; the chat client times out a silent provider itself.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
