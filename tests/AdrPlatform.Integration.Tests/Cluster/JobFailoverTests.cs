using System.Globalization;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Embeddings;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Integration.Tests.Jobs;
using AdrPlatform.Streaming.Kafka.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Npgsql;
using Xunit.Abstractions;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// The job tier as deployed: a front silo and a worker silo, each its own process, on Postgres and
/// Kafka (the mock cluster in this process). The worker is SIGKILLed while a document is being
/// embedded; the document completes on the surviving silo and each of its passages is stored once.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class JobFailoverTests(PostgresDatabase database, ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_silo_killed_mid_document_loses_nothing_and_stores_each_chunk_once()
    {
        using var kafka = MockKafka.StartWithPlatformTopics();
        await using var embeddings = await FakeEmbeddingServer.StartAsync();
        embeddings.Delay = TimeSpan.FromMilliseconds(250); // a slow provider keeps the document in flight long enough to kill a silo under it
        var clusterId = "jobs-" + Guid.NewGuid().ToString("N")[..8];
        var keyPath = Path.Combine(Path.GetTempPath(), "adrplatform-tests", clusterId, "dev-key");
        var issuer = DevelopmentIssuer.LoadOrCreate(keyPath);
        var port = FreePort.Next();
        var shared = new Dictionary<string, string>(ProcessCluster.Settings(clusterId))
        {
            ["Streams:Provider"] = "kafka",
            ["Streams:Partitions"] = MockKafka.Partitions.ToString(CultureInfo.InvariantCulture),
            ["Streams:Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Streams:Kafka:ConsumerGroup"] = clusterId,
            ["Embeddings:Provider"] = "openai",
            ["Embeddings:Model"] = "text-embedding-3-small",
            ["Embeddings:Endpoint"] = embeddings.OpenAIEndpoint,
            ["Embeddings:ApiKey"] = "test-key",
            ["Embeddings:Dimensions"] = "384",
            ["Ingestion:EmbeddingBatchSize"] = "2",
            ["Ingestion:ChunkMaxChars"] = "300",
            ["Ingestion:ChunkOverlapChars"] = "30",
        };
        using var front = ProcessCluster.StartFront(shared, port, keyPath);
        using var worker = ProcessCluster.StartWorker(shared);

        var tenant = Rpc.Tenant();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var invoker = channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + issuer.Mint(tenant, "alice", ["editor"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
            return metadata;
        });
        var jobs = new JobService.JobServiceClient(invoker);
        await front.WaitUntilServingAsync(() => jobs.ListJobsAsync(new ListJobsRequest(), deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the worker joins and takes its share of queues and activations

        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "long.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(SampleDocuments.Pdf(8)) });
        var inFlight = await JobWatching.EventuallyAsync(jobs, job.Id, j => j.Stages.Any(s => s.Name == "embed" && s.Done > 0) || j.State.IsFinished(), TimeSpan.FromSeconds(60));
        Assert.Equal(JobState.Running, inFlight.State);
        worker.Kill();
        output.WriteLine($"killed the worker at embed {inFlight.Stages.Single(s => s.Name == "embed").Done}/{inFlight.Stages.Single(s => s.Name == "embed").Total}");

        var finished = await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished(), TimeSpan.FromSeconds(120));
        Assert.Equal(JobState.Succeeded, finished.State);
        var total = finished.Stages.Single(s => s.Name == "embed").Total;

        await using var connection = await database.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var scope = new NpgsqlCommand("SELECT set_config('app.tenant', @tenant, true)", connection, transaction))
        {
            scope.Parameters.AddWithValue("tenant", tenant);
            await scope.ExecuteScalarAsync();
        }

        await using var count = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT chunk_index), count(embedding) FROM document_chunks WHERE document_id = @id", connection, transaction);
        count.Parameters.AddWithValue("id", job.DocumentId);
        await using (var reader = await count.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal((total, total, total), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        var search = new SearchService.SearchServiceClient(invoker);
        var hit = (await search.SearchAsync(new SearchRequest { Query = SampleDocuments.PdfPageTerm(5), Mode = SearchMode.Lexical })).Hits.First();
        Assert.Equal(job.DocumentId, hit.DocumentId);
    }
}
