using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Xunit.Abstractions;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// A worker silo consuming the Kafka topics is SIGKILLed while it holds events in flight: its embeddings provider
/// holds every request, and the front's is slow, so both consumers have fetched events not yet processed. A new
/// worker joins, and every event is processed: each job succeeds with all its passages embedded.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class KafkaConsumerKillTests(PostgresDatabase database, ITestOutputHelper output)
{
    private const int Documents = 8;

    [Fact]
    public async Task A_consumer_killed_mid_processing_has_its_in_flight_events_processed_by_the_next()
    {
        _ = database;
        await using var cluster = await IngestionCluster.StartAsync();
        // Well under the silos' response timeout: a slow delivery is not a failed one.
        cluster.FrontEmbeddings.Delay = TimeSpan.FromSeconds(1);
        var (doomed, doomedEmbeddings) = await cluster.StartWorkerAsync(held: true);

        var content = SampleDocuments.Pdf(3);
        var submitted = new List<(string Tenant, Job Job)>();
        for (var i = 0; i < Documents; i++)
        {
            var tenant = Rpc.Tenant(); // tenants spread the events over the partitions, and so over both consumers
            submitted.Add((tenant, await cluster.Jobs(tenant).SubmitIngestionAsync(
                new SubmitIngestionRequest { Name = $"doc{i}.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(content) })));
        }

        // Killed at once: a held delivery that outlives the response timeout counts as a failed attempt.
        await doomedEmbeddings.WaitForRequestAsync();
        doomed.Kill();
        var (_, successorEmbeddings) = await cluster.StartWorkerAsync(held: false);
        output.WriteLine($"killed a worker holding {doomedEmbeddings.Requests.Count} requests");

        // A lost event leaves passages without embeddings, and its job never ends.
        foreach (var (tenant, job) in submitted)
        {
            await cluster.AssertIngestedOnceAsync(tenant, job, content, TimeSpan.FromSeconds(180));
        }

        output.WriteLine($"the successor embedded {successorEmbeddings.Requests.Count} batches; the front {cluster.FrontEmbeddings.Requests.Count}");
    }
}
