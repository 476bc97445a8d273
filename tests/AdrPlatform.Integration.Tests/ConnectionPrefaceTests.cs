using System.Diagnostics;
using System.Net.Sockets;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.Infrastructure;

namespace AdrPlatform.Integration.Tests;

/// <summary>A connection that never says what it speaks is closed at the preface deadline; real clients are unaffected.</summary>
public class ConnectionPrefaceTests(ConnectionPrefaceTests.ShortPrefaceTimeout host) : IClassFixture<ConnectionPrefaceTests.ShortPrefaceTimeout>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    public static TheoryData<Transport> Transports => [Transport.Grpc, Transport.GrpcWeb];

    [Fact]
    public async Task A_connection_that_sends_nothing_is_closed_at_the_deadline()
    {
        var open = await TimeUntilClosedAsync([]);
        Assert.InRange(open, Deadline * 0.8, Deadline * 5);
    }

    [Fact]
    public async Task A_connection_that_stops_halfway_through_the_http2_preface_is_closed_at_the_deadline()
    {
        var open = await TimeUntilClosedAsync("PRI * HTTP/2.0\r\n"u8.ToArray());
        Assert.InRange(open, Deadline * 0.8, Deadline * 5);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Calls_over_grpc_and_grpc_web_still_work(Transport transport)
    {
        var me = await Clients.For(host, transport, "acme", "alice", "viewer").Tenants.WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal("acme", me.Tenant);
    }

    private async Task<TimeSpan> TimeUntilClosedAsync(byte[] opening)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(host.Address.Host, host.Address.Port);
        var open = Stopwatch.StartNew();
        await socket.SendAsync(opening);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var received = await socket.ReceiveAsync(new byte[64], giveUp.Token);
            Assert.Equal(0, received);
        }
        catch (SocketException reset) when (reset.SocketErrorCode == SocketError.ConnectionReset)
        {
        }

        return open.Elapsed;
    }

    public sealed class ShortPrefaceTimeout() : GatewayHost(new Dictionary<string, string?> { ["Gateway:ConnectionPrefaceTimeout"] = "00:00:01" });
}
