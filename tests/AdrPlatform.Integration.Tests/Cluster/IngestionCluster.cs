using System.Globalization;
using AdrPlatform.Adapters.Documents;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Domain.Search;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Embeddings;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Integration.Tests.Jobs;
using AdrPlatform.Placement;
using AdrPlatform.Streaming.Kafka.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// The job tier as deployed: a front silo and worker silos, each its own process, on Postgres and Kafka (the
/// mock cluster in this process). Each silo calls a fake embeddings provider of its own, so a test can see
/// which process embeds what, and hold one process's work while it kills it.
/// </summary>
public sealed class IngestionCluster : IAsyncDisposable
{
    private const int ChunkMaxChars = 300;
    private const int ChunkOverlapChars = 30;

    private readonly List<(SiloProcess Silo, FakeEmbeddingServer Embeddings)> _silos = [];
    private readonly string _clusterId = "jobs-" + Guid.NewGuid().ToString("N")[..8];
    private readonly KafkaMockCluster _kafka = MockKafka.StartWithPlatformTopics();
    private readonly string _keyPath;
    private readonly int _port = FreePort.Next();
    private readonly GrpcChannel _channel;

    private IngestionCluster()
    {
        _keyPath = Path.Combine(Path.GetTempPath(), "adrplatform-tests", _clusterId, "dev-key");
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_port}");
    }

    public FakeEmbeddingServer FrontEmbeddings => _silos[0].Embeddings;

    public SiloProcess Front => _silos[0].Silo;

    public IEnumerable<SiloProcess> Workers => _silos.Skip(1).Select(silo => silo.Silo);

    /// <summary>Starts the front silo and waits until it serves.</summary>
    public static async Task<IngestionCluster> StartAsync()
    {
        var cluster = new IngestionCluster();
        var embeddings = await FakeEmbeddingServer.StartAsync();
        var front = ProcessCluster.StartFront(cluster.Settings(embeddings), cluster._port, cluster._keyPath);
        cluster._silos.Add((front, embeddings));
        var jobs = cluster.Jobs(Rpc.Tenant());
        await front.WaitUntilServingAsync(() => jobs.ListJobsAsync(new ListJobsRequest(), deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        return cluster;
    }

    /// <summary>
    /// Starts a front silo holding only the front role and one worker silo, and waits until the front serves
    /// (it cannot before a worker has joined: job, tenant and ADR grains have nowhere else to go).
    /// </summary>
    public static async Task<IngestionCluster> StartWithThinFrontAsync()
    {
        var cluster = new IngestionCluster();
        var embeddings = await FakeEmbeddingServer.StartAsync();
        var front = ProcessCluster.StartFront(
            new Dictionary<string, string>(cluster.Settings(embeddings)) { ["Cluster:Role"] = SiloRoles.Front }, cluster._port, cluster._keyPath);
        cluster._silos.Add((front, embeddings));
        await cluster.StartWorkerAsync(held: false);
        var jobs = cluster.Jobs(Rpc.Tenant());
        await front.WaitUntilServingAsync(() => jobs.ListJobsAsync(new ListJobsRequest(), deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        return cluster;
    }

    /// <summary>
    /// Starts a worker silo with its own embeddings provider, held closed when <paramref name="held"/> (each request waits
    /// for its gate), and waits until the worker is an Active member and has had time to take its share of the queues.
    /// </summary>
    public async Task<(SiloProcess Silo, FakeEmbeddingServer Embeddings)> StartWorkerAsync(bool held)
    {
        var embeddings = await FakeEmbeddingServer.StartAsync();
        embeddings.Gate = held ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        var worker = ProcessCluster.StartWorker(Settings(embeddings));
        _silos.Add((worker, embeddings));
        await ClusterMembership.WaitUntilActiveAsync(_clusterId, worker);
        await Task.Delay(TimeSpan.FromSeconds(5)); // the stream queues are rebalanced when the membership changes
        return (worker, embeddings);
    }

    public JobService.JobServiceClient Jobs(string tenant) => new(Invoker(tenant));

    public CallInvoker Invoker(string tenant)
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_keyPath);
        return _channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + issuer.Mint(tenant, "alice", ["editor"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
            return metadata;
        });
    }

    /// <summary>The passages the domain's reader and chunker make of <paramref name="content"/> with this cluster's chunk settings.</summary>
    private static int PassagesOf(string name, string mediaType, byte[] content)
    {
        var parsed = DocumentReader.WithAllParsers(DocumentLimits.Default).Read(name, mediaType, content, CancellationToken.None);
        return DocumentChunker.Chunk(parsed, new ChunkingOptions(ChunkMaxChars, ChunkOverlapChars)).Count;
    }

    /// <summary>The passages stored for a document, as the owner role sees them: rows, distinct indexes, embedded rows.</summary>
    private static async Task<(long Rows, long Indexes, long Embedded)> StoredPassagesAsync(string tenant, string documentId)
    {
        await using var session = await OwnerTenantSession.OpenAsync(tenant);
        return (await session.QueryAsync(
            "SELECT count(*), count(DISTINCT chunk_index), count(embedding) FROM document_chunks WHERE document_id = @id",
            row => (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2)),
            ("id", documentId))).Single();
    }

    /// <summary>Waits for the job to end; it must have succeeded with every passage of its document stored once and embedded.</summary>
    public async Task AssertIngestedOnceAsync(string tenant, Job job, byte[] content, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(job);
        var finished = await JobWatching.EventuallyAsync(Jobs(tenant), job.Id, j => j.State.IsFinished(), timeout);
        Assert.True(finished.State == JobState.Succeeded, $"job {job.Id} ended {finished.State}: {finished.Error}");
        var passages = PassagesOf(job.DocumentName, job.MediaType, content);
        Assert.Equal((passages, passages, passages), await StoredPassagesAsync(tenant, job.DocumentId));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        foreach (var (silo, embeddings) in _silos)
        {
            silo.Dispose();
            embeddings.Gate?.TrySetResult();
            await embeddings.DisposeAsync();
        }

        _kafka.Dispose();
    }

    private Dictionary<string, string> Settings(FakeEmbeddingServer embeddings) => new(ProcessCluster.Settings(_clusterId))
    {
        ["Streams:Provider"] = "kafka",
        ["Streams:Partitions"] = MockKafka.Partitions.ToString(CultureInfo.InvariantCulture),
        ["Streams:Kafka:BootstrapServers"] = _kafka.BootstrapServers,
        ["Streams:Kafka:ConsumerGroup"] = _clusterId,

        // Deliveries to an activation on a killed silo fail until the cluster declares it dead, which takes
        // tens of seconds on a loaded machine; the default budget (3 attempts, 1 s apart) dead-letters them first.
        ["Streams:Kafka:MaxDeliveryAttempts"] = "20",
        ["Streams:Kafka:DeliveryRetryDelay"] = "00:00:02",
        ["Embeddings:Provider"] = "openai",
        ["Embeddings:Model"] = "text-embedding-3-small",
        ["Embeddings:Endpoint"] = embeddings.OpenAIEndpoint,
        ["Embeddings:ApiKey"] = "test-key",
        ["Embeddings:Dimensions"] = "384",
        ["Embeddings:BatchSize"] = "2",
        ["Ingestion:ChunkMaxChars"] = ChunkMaxChars.ToString(CultureInfo.InvariantCulture),
        ["Ingestion:ChunkOverlapChars"] = ChunkOverlapChars.ToString(CultureInfo.InvariantCulture),
    };
}
