using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Egress.Tests;

/// <summary>Size, time and type limits stop a fetch, and a hostile server cannot hold it past them.</summary>
public class LimitTests(LoopbackSite site) : IClassFixture<LoopbackSite>
{
    private const long Limit = 1024 * 1024;

    // Short enough for a test, long enough that a loaded machine answers every fetch that is not held up on purpose.
    private const string ShortTotalTimeout = "00:00:01.500";

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_is_refused_before_it_is_read()
    {
        await using var egress = await StartAsync();

        await egress.RefusedAsync($"{site.Origin}/bytes/{100 * Limit}?declare=true", EgressRefusalReason.ResponseTooLarge);
    }

    [Fact]
    public async Task A_body_that_grows_past_the_limit_without_declaring_it_is_cut_off()
    {
        await using var egress = await StartAsync();
        var clock = Stopwatch.StartNew();

        await egress.RefusedAsync($"{site.Origin}/bytes/{1024 * Limit}?declare=false", EgressRefusalReason.ResponseTooLarge);

        // A gigabyte on loopback takes seconds; stopping at the first megabyte does not.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_limit_of_decoded_bytes()
    {
        await using var egress = await StartAsync();

        await egress.RefusedAsync($"{site.Origin}/gzip-bomb", EgressRefusalReason.ResponseTooLarge);
    }

    [Fact]
    public async Task A_caller_may_lower_the_size_limit_but_a_body_within_it_arrives_whole()
    {
        await using var egress = await StartAsync();

        await egress.RefusedAsync($"{site.Origin}/bytes/2000?declare=false", EgressRefusalReason.ResponseTooLarge, maxResponseBytes: 1999);
        var response = await egress.FetchAsync($"{site.Origin}/bytes/2000?declare=false", maxResponseBytes: 2000);
        Assert.Equal(2000, response.Body.Length);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_given_up_at_the_total_time_limit()
    {
        await using var egress = await StartAsync(settings => settings["Egress:TotalTimeout"] = ShortTotalTimeout);
        var clock = Stopwatch.StartNew();

        await egress.RefusedAsync($"{site.Origin}/stall", EgressRefusalReason.TimedOut);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_trickling_body_is_cut_off_at_the_total_time_limit_though_bytes_keep_coming()
    {
        await using var egress = await StartAsync(settings => settings["Egress:TotalTimeout"] = ShortTotalTimeout);
        var clock = Stopwatch.StartNew();

        await egress.RefusedAsync($"{site.Origin}/trickle", EgressRefusalReason.TimedOut);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_server_that_accepts_no_connection_is_given_up_at_the_connect_time_limit()
    {
        // A listener that never accepts, its backlog full: the kernel drops further connection attempts unanswered.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                fillers.Add(filler);
                try
                {
                    filler.Connect(IPAddress.Loopback, port);
                }
                catch (SocketException)
                {
                    // in progress, or already dropped: either way the backlog is full
                }
            }

            await using var egress = await EgressHost.StartAsync(tenant =>
            {
                var settings = EgressHost.AnyHostWithLoopback(tenant, port);
                settings["Egress:ConnectTimeout"] = "00:00:00.500";
                return settings;
            });
            var clock = Stopwatch.StartNew();

            var refused = await egress.RefusedAsync($"http://127.0.0.1:{port}/", EgressRefusalReason.TimedOut);

            Assert.Contains("connecting", refused.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        }
        finally
        {
            fillers.ForEach(filler => filler.Dispose());
        }
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, port));

        await egress.RefusedAsync($"http://127.0.0.1:{port}/", EgressRefusalReason.Unreachable);
    }

    [Fact]
    public async Task Media_types_off_the_configured_list_are_refused()
    {
        await using var egress = await StartAsync(settings =>
        {
            settings["Egress:AllowedContentTypes:0"] = "text/*";
            settings["Egress:AllowedContentTypes:1"] = "application/pdf";
        });

        await egress.RefusedAsync($"{site.Origin}/typed?type={Uri.EscapeDataString("application/x-msdownload")}", EgressRefusalReason.ContentTypeNotAllowed);
        Assert.Equal("text/html", (await egress.FetchAsync($"{site.Origin}/typed?type={Uri.EscapeDataString("text/html; charset=utf-8")}")).ContentType);
        Assert.Equal("application/pdf", (await egress.FetchAsync($"{site.Origin}/typed?type=application/pdf")).ContentType);
    }

    private Task<EgressHost> StartAsync(Action<Dictionary<string, string?>>? adjust = null) => EgressHost.StartAsync(tenant =>
    {
        var settings = EgressHost.AnyHostWithLoopback(tenant, site.Port);
        settings["Egress:MaxResponseBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Egress:TotalTimeout"] = "00:00:30";
        adjust?.Invoke(settings);
        return settings;
    });
}
