using System.Net;
using System.Net.Sockets;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder that a test can cut: <see cref="Down"/> drops every connection and refuses
/// new ones, as a database that died would; <see cref="Up"/> lets traffic through again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private Task? _accepting;

    public TcpProxy(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    public void Up()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        var listener = _listener;
        _accepting = Task.Run(() => Accept(listener));
    }

    public async Task Down()
    {
        _listener?.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Client.Close(0);
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Down();
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    private async Task Accept(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_target, _stop.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(upstream);
            }

            _ = Pump(client, upstream);
            _ = Pump(upstream, client);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // A cut connection: the other direction notices on its own.
        }
        finally
        {
            from.Client.Close(0);
            to.Client.Close(0);
        }
    }
}
