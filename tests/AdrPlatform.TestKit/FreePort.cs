using System.Net;
using System.Net.Sockets;

namespace AdrPlatform.TestKit;

/// <summary>
/// Ports for hosts that need a number before they start (silo, gateway, management).
/// They come from below the kernel's ephemeral range: a port the kernel hands out for
/// an outgoing connection or a bind to port 0 could otherwise take the number between
/// this check and the host's own bind.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free port between {First} and {First + Count}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
