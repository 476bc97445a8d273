using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Integration.Tests.Jobs;
using AdrPlatform.Hosting;
using Google.Protobuf;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Xunit.Abstractions;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// The README's cluster block, run as written from the repository root (on this machine's PostgreSQL and a Kafka
/// mock cluster named by <c>KAFKA</c>): one front and two worker silos on their default ports. An ADR written through
/// the front is found by search, a document is ingested, one worker is killed while clients write, and nothing is lost.
/// Alone in its collection: the block uses the hosts' fixed default ports.
/// </summary>
[Collection(ReadmeCluster.Name)]
public sealed class ReadmeClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_readme_cluster_block_forms_a_cluster_that_loses_nothing_when_a_worker_dies()
    {
        // The mock cluster cannot create topics on request as a broker does: they are made with the hosts' default partitions.
        using var kafka = MockKafka.StartWithPlatformTopics(new PlatformStreamOptions().Partitions);
        using var block = ReadmeBlock.Start("## Running on PostgreSQL, as a cluster", new Dictionary<string, string> { ["KAFKA"] = kafka.BootstrapServers });
        var tenant = "readme-" + Guid.NewGuid().ToString("N")[..8];
        var token = DevelopmentIssuer.LoadOrCreate(DevelopmentIssuer.DefaultKeyPath()).Mint(tenant, "alice", ["editor"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:5080");
        var invoker = channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
        var adrs = new AdrService.AdrServiceClient(invoker);
        var search = new SearchService.SearchServiceClient(invoker);
        var jobs = new JobService.JobServiceClient(invoker);

        await block.WaitUntilAsync(() => adrs.ListAdrsAsync(new ListAdrsRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync, StartLimit);
        await block.WaitUntilAsync(() => SecondWorkerActiveAsync(), StartLimit);

        var adr = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Keep cluster state in PostgreSQL", Body = "We choose the quokkafjord layout." });
        await Eventually.HoldsAsync(
            async () => (await search.SearchAsync(new SearchRequest { Query = "quokkafjord", Mode = SearchMode.Lexical })).Hits,
            hits => hits.Any(hit => hit.AdrId == adr.Id), "the ADR is found by search");
        await IngestAndFindAsync(jobs, search, "before.md", "walrusbergen");

        using var writes = AcknowledgedWrites.Start(adrs, headers: null, writers: 4);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var killedAt = writes.Elapsed;
        block.KillProcess("--Management:Port=9466");
        await writes.StopWhenQuietAsync(killedAt, QuietPeriod, RecoveryLimit);
        output.WriteLine($"{writes.Summary()}; last failure {(writes.LastFailureOr(killedAt) - killedAt).TotalSeconds:F1} s after the kill");

        Assert.True(writes.Acknowledged.Count > 20, "too few writes to mean anything");
        Assert.True(writes.Elapsed - writes.LastFailureOr(killedAt) >= QuietPeriod, $"calls still failed {RecoveryLimit} after the worker's death:\n{block.Log}");
        await writes.AssertNoneLostAsync();
        await IngestAndFindAsync(jobs, search, "after.md", "pelicanmoor");
    }

    private static async Task IngestAndFindAsync(JobService.JobServiceClient jobs, SearchService.SearchServiceClient search, string name, string term)
    {
        var job = await jobs.SubmitIngestionAsync(
            new SubmitIngestionRequest { Name = name, MediaType = "text/markdown", Content = ByteString.CopyFromUtf8($"# Notes\n\nThe {term} decision stands.") });
        var finished = await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished(), TimeSpan.FromMinutes(2));
        Assert.True(finished.State == JobState.Succeeded, $"{name}: {finished.State} {finished.Error}");
        var hits = (await search.SearchAsync(new SearchRequest { Query = term, Mode = SearchMode.Lexical })).Hits;
        Assert.Contains(hits, hit => hit.DocumentId == job.DocumentId);
    }

    private static async Task SecondWorkerActiveAsync()
    {
        using var http = new HttpClient();
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri("http://127.0.0.1:9466/readyz")));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadmeCluster
{
    public const string Name = "The README's cluster on fixed ports";
}
