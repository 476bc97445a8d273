using System.Globalization;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Embeddings;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Streaming.Kafka.Testing;
using Confluent.Kafka;
using Google.Protobuf;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>
/// The job tier on the Kafka stream provider: a front silo with Streams:Provider=kafka against a Kafka
/// wire-protocol cluster in this process (librdkafka's mock cluster, three brokers).
/// </summary>
public sealed class KafkaIngestionTests : IAsyncLifetime
{
    private KafkaMockCluster _kafka = null!;
    private FakeEmbeddingServer _embeddings = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _kafka = MockKafka.StartWithPlatformTopics();
        _embeddings = await FakeEmbeddingServer.StartAsync();
        _host = GatewayHost.With(new Dictionary<string, string?>
        {
            ["Streams:Provider"] = "kafka",
            ["Streams:Partitions"] = MockKafka.Partitions.ToString(CultureInfo.InvariantCulture),
            ["Streams:Kafka:BootstrapServers"] = _kafka.BootstrapServers,
            ["Streams:Kafka:ConsumerGroup"] = "tests-" + Guid.NewGuid().ToString("N")[..8],
            ["Streams:Kafka:MaxDeliveryAttempts"] = "2",
            ["Streams:Kafka:DeliveryRetryDelay"] = "00:00:00.200",
            ["Embeddings:Provider"] = "openai",
            ["Embeddings:Model"] = "text-embedding-3-small",
            ["Embeddings:Endpoint"] = _embeddings.OpenAIEndpoint,
            ["Embeddings:ApiKey"] = "test-key",
        });
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _embeddings.DisposeAsync();
        _kafka.Dispose();
    }

    [Fact]
    public async Task Documents_are_ingested_through_kafka_topics_and_found_by_search()
    {
        var clients = Clients.For(_host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var search = new SearchService.SearchServiceClient(clients.Invoker);

        var pdf = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "review.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(SampleDocuments.Pdf(3)) });
        var markdown = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "notes.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8(SampleDocuments.Markdown()) });
        foreach (var job in new[] { pdf, markdown })
        {
            var events = await JobWatching.UntilFinishedAsync(jobs, job.Id);
            Assert.Equal(JobState.Succeeded, events[^1].State);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        }

        var hit = (await search.SearchAsync(new SearchRequest { Query = SampleDocuments.PdfPageTerm(2), Mode = SearchMode.Lexical })).Hits.First();
        Assert.Equal(pdf.DocumentId, hit.DocumentId);
    }

    [Fact]
    public async Task A_broker_down_and_back_mid_ingestion_loses_nothing()
    {
        var clients = Clients.For(_host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var submitted = new List<Job>();
        Task? outage = null;
        for (var i = 0; i < 4; i++)
        {
            if (i == 2)
            {
                // Two of the three brokers go away for two seconds while documents are submitted and processed:
                // most partitions lose their leader; producers and consumers wait and carry on. The document just
                // submitted is still on its way through the topics when they go.
                Assert.NotEqual(JobState.Succeeded, (await jobs.GetJobAsync(new GetJobRequest { Id = submitted[^1].Id })).State);
                _kafka.TakeBrokerDown(1);
                _kafka.TakeBrokerDown(2);
                outage = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ =>
                {
                    _kafka.BringBrokerUp(1);
                    _kafka.BringBrokerUp(2);
                }, TaskScheduler.Default);
            }

            // A submit that finds the brokers down may answer UNAVAILABLE; a client retries it under the same key.
            var upload = new SubmitIngestionRequest
            {
                Name = $"doc{i}.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(SampleDocuments.Pdf(4)), IdempotencyKey = $"outage-{i}",
            };
            submitted.Add(await Rpc.RetryingUnavailableAsync(() => jobs.SubmitIngestionAsync(upload, deadline: DateTime.UtcNow.AddSeconds(60))));
        }

        await outage!;
        foreach (var job in submitted)
        {
            var events = await JobWatching.UntilFinishedAsync(jobs, job.Id, timeout: TimeSpan.FromSeconds(90));
            Assert.Equal(JobState.Succeeded, events[^1].State);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task An_event_that_keeps_failing_goes_to_the_dead_letter_topic_and_fails_its_job_with_the_reason()
    {
        var tenant = Rpc.Tenant();
        var jobs = new JobService.JobServiceClient(Clients.For(_host, Transport.Grpc, tenant, "alice", "editor").Invoker);
        _embeddings.FailAll = true;
        try
        {
            var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "doomed.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# Doomed\n\nThe embedding provider is down for this one.") });
            var failed = await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished(), TimeSpan.FromSeconds(120));
            Assert.Equal(JobState.Failed, failed.State);
            Assert.Contains("embeddings.requested.dlq", failed.Error, StringComparison.Ordinal);
            Assert.Contains("Last error: ", failed.Error, StringComparison.Ordinal);
            Assert.Contains("500", failed.Error, StringComparison.Ordinal); // the provider's answer, in the reason

            var letter = ReadDeadLetter("embeddings.requested.dlq", tenant);
            Assert.NotNull(letter);
            Assert.Contains(letter.Headers, h => h.Key.Contains("reason", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            _embeddings.FailAll = false;
        }

        var after = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "fine.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# Fine\n\nEvents after a dead letter still flow.") });
        Assert.Equal(JobState.Succeeded, (await JobWatching.EventuallyAsync(jobs, after.Id, j => j.State.IsFinished(), TimeSpan.FromSeconds(60))).State);
    }

    private Message<byte[], byte[]>? ReadDeadLetter(string topic, string tenant)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            GroupId = "dlq-reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result?.Message is { } message && System.Text.Encoding.UTF8.GetString(message.Key) == tenant)
            {
                return message;
            }
        }

        return null;
    }
}
