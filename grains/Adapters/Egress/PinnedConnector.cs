using System.Net;
using System.Net.Sockets;
using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Adapters.Egress;

/// <summary>
/// The HTTP handler's only way to open a connection: the host is resolved once, every address it resolves to is
/// checked (one refused address refuses the host), and the socket connects to a checked address. Nothing resolves
/// the name again, so a resolver that answers public and then private (DNS rebinding) cannot move the connection.
/// </summary>
internal sealed class PinnedConnector(IEgressResolver resolver, AddressGate gate, TimeSpan connectTimeout)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        try
        {
            var addresses = await ResolveOnceAsync(host, timeout.Token).ConfigureAwait(false);
            foreach (var address in addresses)
            {
                gate.Check(host, address, port);
            }

            return await ConnectToCheckedAsync(host, addresses, port, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EgressRefusedException(EgressRefusalReason.TimedOut, host, $"connecting to {host} took longer than {connectTimeout}");
        }
    }

    private async Task<IPAddress[]> ResolveOnceAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException error)
        {
            throw new EgressRefusedException(EgressRefusalReason.HostNotFound, host, $"{host} does not resolve ({error.SocketErrorCode})");
        }

        return addresses.Length > 0
            ? addresses
            : throw new EgressRefusedException(EgressRefusalReason.HostNotFound, host, $"{host} resolves to no address");
    }

    private static async Task<Stream> ConnectToCheckedAsync(string host, IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        var error = SocketError.HostUnreachable;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException failure)
            {
                socket.Dispose();
                error = failure.SocketErrorCode;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new EgressRefusedException(EgressRefusalReason.Unreachable, host, $"could not connect to {host} ({error})");
    }
}
