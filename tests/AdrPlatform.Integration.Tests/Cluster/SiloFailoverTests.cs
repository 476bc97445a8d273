using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// A real cluster on Postgres: a front silo and a worker silo, each its own process. The worker is
/// killed (SIGKILL) while clients write; every acknowledged write survives and grains come back.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class SiloFailoverTests(PostgresDatabase database, ITestOutputHelper output)
{
    /// <summary>Writing stops once no call has failed for this long; longer than a call's deadline, so a call stuck on the dead silo fails inside it.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(12);

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(90);

    private sealed record Acknowledgement(string Id, int Version, string Title, bool Created, TimeSpan At)
    {
        public int Number => int.Parse(Id[4..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Killing_a_silo_mid_write_loses_no_acknowledged_write()
    {
        _ = database;
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var tenant = clusterId; // a tenant of its own: the history read below sees this run's versions only
        var keyPath = Path.Combine(Path.GetTempPath(), "adrplatform-tests", clusterId, "dev-key");
        var issuer = DevelopmentIssuer.LoadOrCreate(keyPath);
        var port = FreePort.Next();
        var shared = ProcessCluster.Settings(clusterId);
        using var front = ProcessCluster.StartFront(shared, port, keyPath);
        using var worker = ProcessCluster.StartWorker(shared);

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var headers = new Metadata { { "authorization", "Bearer " + issuer.Mint(tenant, "writer", ["editor"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow) } };
        var adrs = new AdrService.AdrServiceClient(channel);
        await front.WaitUntilServingAsync(() => adrs.ListAdrsAsync(new ListAdrsRequest { PageSize = 1 }, headers, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        await ClusterMembership.WaitUntilActiveAsync(clusterId, worker);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the front's view of the membership catches up; new activations land on both silos

        var acknowledged = new ConcurrentQueue<Acknowledgement>();
        var failures = new ConcurrentQueue<(TimeSpan At, StatusCode Code)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            string? mine = null;
            var version = 0;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var title = $"writer {w} step {i}";
                    var creates = mine is null || i % 5 == 0;
                    var adr = creates
                        ? await adrs.CreateAdrAsync(new CreateAdrRequest { Title = title, Body = "x" }, headers, deadline: DateTime.UtcNow.AddSeconds(10))
                        : await adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = mine, ExpectedVersion = version, Title = title }, headers, deadline: DateTime.UtcNow.AddSeconds(10));
                    (mine, version) = (adr.Id, adr.Version);
                    acknowledged.Enqueue(new Acknowledgement(adr.Id, adr.Version, adr.Title, creates, clock.Elapsed));
                }
                catch (RpcException error)
                {
                    failures.Enqueue((clock.Elapsed, error.StatusCode));
                    mine = null; // the outcome of a failed call is unknown: start a new ADR
                    await Task.Delay(50);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(4));
        var killedAt = clock.Elapsed;
        worker.Kill();
        TimeSpan LastFailure() => failures.IsEmpty ? killedAt : failures.Max(f => f.At);
        while (clock.Elapsed - LastFailure() < QuietPeriod && clock.Elapsed - killedAt < RecoveryLimit)
        {
            await Task.Delay(250);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"acknowledged writes: {acknowledged.Count}; failed calls: {failures.Count} ({string.Join(", ", failures.GroupBy(f => f.Code).Select(g => $"{g.Key}={g.Count()}"))}); killed at {killedAt:g}");
        Assert.True(acknowledged.Count > 20, "too few writes to mean anything");
        Assert.False(failures.IsEmpty, "no call was disrupted by the kill, so nothing here was in flight on the dead silo");
        Assert.All(failures, f => Assert.True(f.At >= killedAt - TimeSpan.FromSeconds(1), $"a call failed at {f.At} before the silo was killed"));
        var lastFailure = LastFailure();
        output.WriteLine($"last failure {(lastFailure - killedAt).TotalSeconds:F1} s after the kill");
        Assert.True(clock.Elapsed - lastFailure >= QuietPeriod, $"calls still failed {RecoveryLimit} after the silo's death");
        Assert.Contains(acknowledged, a => a.At > lastFailure);

        // Two acknowledged creates under one id would mean one ADR overwrote another.
        var created = acknowledged.Where(a => a.Created).Select(a => a.Id).ToList();
        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Equal(acknowledged.Count, acknowledged.DistinctBy(a => (a.Id, a.Version)).Count());
        await AssertEveryAcknowledgedWriteSurvivedAsync(adrs, headers, tenant, [.. acknowledged]);
    }

    /// <summary>Each ADR is at least at its last acknowledged version, and every acknowledged version is in its history as acknowledged.</summary>
    private static async Task AssertEveryAcknowledgedWriteSurvivedAsync(AdrService.AdrServiceClient adrs, Metadata headers, string tenant, IReadOnlyList<Acknowledgement> acknowledged)
    {
        foreach (var adr in acknowledged.GroupBy(a => a.Id))
        {
            var stored = await adrs.GetAdrAsync(new GetAdrRequest { Id = adr.Key }, headers);
            Assert.True(stored.Version >= adr.Max(a => a.Version), $"{adr.Key}: acknowledged version {adr.Max(a => a.Version)}, stored {stored.Version}");
        }

        await using var session = await OwnerTenantSession.OpenAsync(tenant);
        var history = (await session.QueryAsync("SELECT number, version, title FROM adr_versions", row => (Key: (row.GetInt32(0), row.GetInt32(1)), Title: row.GetString(2))))
            .ToDictionary(v => v.Key, v => v.Title);
        Assert.All(acknowledged, a => Assert.Equal(a.Title, history.GetValueOrDefault((a.Number, a.Version))));
    }
}
