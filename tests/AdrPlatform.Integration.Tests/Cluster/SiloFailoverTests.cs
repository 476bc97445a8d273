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

    [Fact]
    public async Task Killing_a_silo_mid_write_loses_no_acknowledged_write()
    {
        _ = database;
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var tenant = clusterId;
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

        using var writes = AcknowledgedWrites.Start(adrs, headers, writers: 8);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var killedAt = writes.Elapsed;
        worker.Kill();
        await writes.StopWhenQuietAsync(killedAt, QuietPeriod, RecoveryLimit);

        output.WriteLine($"{writes.Summary()}; killed at {killedAt:g}");
        Assert.True(writes.Acknowledged.Count > 20, "too few writes to mean anything");
        Assert.False(writes.Failures.Count == 0, "no call was disrupted by the kill, so nothing here was in flight on the dead silo");
        Assert.All(writes.Failures, f => Assert.True(f.At >= killedAt - TimeSpan.FromSeconds(1), $"a call failed at {f.At} before the silo was killed"));
        var lastFailure = writes.LastFailureOr(killedAt);
        output.WriteLine($"last failure {(lastFailure - killedAt).TotalSeconds:F1} s after the kill");
        Assert.True(writes.Elapsed - lastFailure >= QuietPeriod, $"calls still failed {RecoveryLimit} after the silo's death");
        Assert.Contains(writes.Acknowledged, a => a.At > lastFailure);
        await writes.AssertNoneLostAsync();
    }
}
