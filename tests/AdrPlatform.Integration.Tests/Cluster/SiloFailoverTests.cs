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
    [Fact]
    public async Task Killing_a_silo_mid_write_loses_no_acknowledged_write()
    {
        _ = database;
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var keyPath = Path.Combine(Path.GetTempPath(), "adrplatform-tests", clusterId, "dev-key");
        var issuer = DevelopmentIssuer.LoadOrCreate(keyPath);
        var port = FreePort.Next();
        var shared = ProcessCluster.Settings(clusterId);
        using var front = ProcessCluster.StartFront(shared, port, keyPath);
        using var worker = ProcessCluster.StartWorker(shared);

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var headers = new Metadata { { "authorization", "Bearer " + issuer.Mint("failover", "writer", ["editor"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow) } };
        var adrs = new AdrService.AdrServiceClient(channel);
        await front.WaitUntilServingAsync(() => adrs.ListAdrsAsync(new ListAdrsRequest { PageSize = 1 }, headers, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the worker joins and takes its share of activations

        var acknowledged = new ConcurrentDictionary<string, (int Version, string Title)>();
        var failures = new ConcurrentQueue<(TimeSpan At, StatusCode Code)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        TimeSpan? killedAt = null;
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            string? mine = null;
            var version = 0;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var title = $"writer {w} step {i}";
                    var adr = mine is null || i % 5 == 0
                        ? await adrs.CreateAdrAsync(new CreateAdrRequest { Title = title, Body = "x" }, headers, deadline: DateTime.UtcNow.AddSeconds(10))
                        : await adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = mine, ExpectedVersion = version, Title = title }, headers, deadline: DateTime.UtcNow.AddSeconds(10));
                    (mine, version) = (adr.Id, adr.Version);
                    acknowledged[adr.Id] = (adr.Version, adr.Title);
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
        killedAt = clock.Elapsed;
        worker.Kill();
        await Task.WhenAll(writers);

        var lastFailure = failures.IsEmpty ? TimeSpan.Zero : failures.Max(f => f.At);
        output.WriteLine($"acknowledged ADRs: {acknowledged.Count}; failed calls: {failures.Count} ({string.Join(", ", failures.GroupBy(f => f.Code).Select(g => $"{g.Key}={g.Count()}"))}); " +
            $"killed at {killedAt:g}, last failure {lastFailure:g} ({(lastFailure - killedAt.Value).TotalSeconds:F1} s after the kill)");
        Assert.True(acknowledged.Count > 20, "too few writes to mean anything");
        Assert.All(failures, f => Assert.True(f.At >= killedAt - TimeSpan.FromSeconds(1), $"a call failed at {f.At} before the silo was killed"));
        Assert.True(lastFailure - killedAt.Value < TimeSpan.FromSeconds(18), "writes did not recover after the silo's death");

        foreach (var (id, (version, title)) in acknowledged)
        {
            var stored = await adrs.GetAdrAsync(new GetAdrRequest { Id = id }, headers);
            Assert.True(stored.Version >= version, $"{id}: acknowledged version {version}, stored {stored.Version}");
            if (stored.Version == version)
            {
                Assert.Equal(title, stored.Title);
            }
        }

        var numbers = acknowledged.Keys.Select(id => int.Parse(id[4..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
