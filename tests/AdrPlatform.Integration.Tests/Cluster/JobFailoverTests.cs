using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Integration.Tests.Jobs;
using Google.Protobuf;
using Xunit.Abstractions;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// The worker silo is SIGKILLed while it is embedding a document (its embeddings provider holds every request);
/// the document completes on the surviving silo and each of its passages is stored once.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class JobFailoverTests(PostgresDatabase database, ITestOutputHelper output)
{
    private const int MaxTenantsTried = 8;

    [Fact]
    public async Task A_worker_silo_killed_mid_document_loses_nothing_and_stores_each_chunk_once()
    {
        _ = database;
        await using var cluster = await IngestionCluster.StartAsync();
        var (worker, workerEmbeddings) = await cluster.StartWorkerAsync(held: true);
        var content = SampleDocuments.Pdf(8);

        // One activation per tenant embeds a tenant's documents, on either silo: documents go in under fresh tenants
        // until one is being embedded on the worker. The ones before it finish on the front.
        var submitted = new List<(string Tenant, Job Job)>();
        Job? inFlight = null;
        while (workerEmbeddings.Requests.Count == 0)
        {
            Assert.True(submitted.Count < MaxTenantsTried, $"none of {MaxTenantsTried} documents was embedded on the worker silo");
            var tenant = Rpc.Tenant();
            var jobs = cluster.Jobs(tenant);
            var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "long.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(content) });
            submitted.Add((tenant, job));
            inFlight = await JobWatching.EventuallyAsync(jobs, job.Id, j => workerEmbeddings.Requests.Count > 0 || j.State.IsFinished(), TimeSpan.FromSeconds(90));
        }

        Assert.Equal(JobState.Running, inFlight!.State);
        var held = workerEmbeddings.Requests.SelectMany(r => r.Inputs).ToHashSet();
        var frontRequestsBefore = cluster.FrontEmbeddings.Requests.Count;
        worker.Kill();
        output.WriteLine($"killed the worker holding {held.Count} passages of job {inFlight.Id} at {inFlight.Percent:F0} % (tenant {submitted.Count} tried)");

        foreach (var (tenant, job) in submitted)
        {
            await cluster.AssertIngestedOnceAsync(tenant, job, content, TimeSpan.FromSeconds(180));
        }

        var redone = cluster.FrontEmbeddings.Requests.Skip(frontRequestsBefore).SelectMany(r => r.Inputs).ToHashSet();
        Assert.Subset(redone, held); // what the dead worker held was embedded again by the survivor

        var (lastTenant, lastJob) = submitted[^1];
        var search = new SearchService.SearchServiceClient(cluster.Invoker(lastTenant));
        var hit = (await search.SearchAsync(new SearchRequest { Query = SampleDocuments.PdfPageTerm(5), Mode = SearchMode.Lexical })).Hits.First();
        Assert.Equal(lastJob.DocumentId, hit.DocumentId);
    }
}
