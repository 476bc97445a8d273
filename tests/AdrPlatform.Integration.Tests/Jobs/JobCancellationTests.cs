using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Embeddings;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using AdrPlatform.Ports;
using Grpc.Core;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>
/// Cancel, retry and rate limits, against a front silo whose embedding provider is a loopback fake the
/// test can hold (a slow provider) or make answer 429.
/// </summary>
public sealed class JobCancellationTests : IAsyncLifetime
{
    private readonly HeldDocumentIndex _index = new(new InMemoryDocumentIndex());
    private FakeEmbeddingServer _embeddings = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _embeddings = await FakeEmbeddingServer.StartAsync();
        _host = GatewayHost.With(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "openai",
            ["Embeddings:Model"] = "text-embedding-3-small",
            ["Embeddings:Endpoint"] = _embeddings.OpenAIEndpoint,
            ["Embeddings:ApiKey"] = "test-key",
            ["Embeddings:BatchSize"] = "4",
            ["Ingestion:ChunkMaxChars"] = "400",
            ["Ingestion:ChunkOverlapChars"] = "40",
            ["Embeddings:FirstBackoff"] = "00:00:00.010",
            ["Embeddings:MaxRetries"] = "6",
            ["Ingestion:MaxActiveJobsPerTenant"] = "2",
        }, services => services.AddSingleton<IDocumentIndex>(_index));
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        _embeddings.Gate?.TrySetResult();
        _index.Declaring?.Release();
        _index.ReadingChunks?.Release();
        await _host.DisposeAsync();
        await _embeddings.DisposeAsync();
    }

    public static TheoryData<string> Moments => ["at once", "after parse", "after chunk", "during embed"];

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task A_cancel_at_any_stage_ends_the_job_cancelled_with_nothing_searchable_and_a_retry_completes_it(string moment)
    {
        var (jobs, search) = Clients();

        // Each moment is held until the cancel has landed, so the job can never finish first.
        _embeddings.Gate = moment is "at once" or "during embed" ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        _index.Declaring = moment == "after parse" ? new HeldStep() : null;
        _index.ReadingChunks = moment == "after chunk" ? new HeldStep() : null;
        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "long.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(SampleDocuments.Pdf(6)) });
        var held = moment switch
        {
            "after parse" => _index.Declaring!.Reached,
            "after chunk" => _index.ReadingChunks!.Reached,
            "during embed" => WaitForEventAsync(jobs, job.Id, e => e.Stage == "embed"),
            _ => Task.CompletedTask,
        };
        await held.WaitAsync(TimeSpan.FromSeconds(60));

        var cancelled = await jobs.CancelJobAsync(new CancelJobRequest { Id = job.Id });
        _embeddings.Gate?.TrySetResult();
        _index.Declaring?.Release();
        _index.ReadingChunks?.Release();
        Assert.Equal(JobState.Cancelled, cancelled.State);
        var events = await JobWatching.UntilFinishedAsync(jobs, job.Id);
        Assert.Equal(JobState.Cancelled, events[^1].State);
        await Task.Delay(500); // a batch in flight at the cancel must not make anything searchable afterwards
        Assert.Equal(JobState.Cancelled, (await jobs.GetJobAsync(new GetJobRequest { Id = job.Id })).State);
        Assert.Empty((await search.SearchAsync(new SearchRequest { Query = SampleDocuments.PdfPageTerm(2), Mode = SearchMode.Lexical })).Hits);
        await Rpc.Fails(StatusCode.FailedPrecondition, () => jobs.CancelJobAsync(new CancelJobRequest { Id = job.Id }));

        var retried = await jobs.RetryJobAsync(new RetryJobRequest { Id = job.Id });
        Assert.Equal(2, retried.Attempt);
        var finished = await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished());
        Assert.Equal(JobState.Succeeded, finished.State);
        var hit = Assert.Single((await search.SearchAsync(new SearchRequest { Query = SampleDocuments.PdfPageTerm(2), Mode = SearchMode.Lexical })).Hits);
        Assert.Equal(job.DocumentId, hit.DocumentId);
        await Rpc.Fails(StatusCode.FailedPrecondition, () => jobs.RetryJobAsync(new RetryJobRequest { Id = job.Id }));
    }

    [Fact]
    public async Task A_tenant_runs_at_most_its_quota_of_jobs_at_once()
    {
        var (jobs, _) = Clients();
        _embeddings.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            SubmitIngestionRequest Upload(int i) => new() { Name = $"q{i}.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8($"# Q{i}\n\nHeld by a slow provider.") };
            var first = await jobs.SubmitIngestionAsync(Upload(1));
            var second = await jobs.SubmitIngestionAsync(Upload(2));
            var message = await Rpc.Fails(StatusCode.ResourceExhausted, () => jobs.SubmitIngestionAsync(Upload(3)));
            Assert.Contains("2 jobs queued or running", message, StringComparison.Ordinal);
            var (otherTenant, _) = Clients();
            Assert.Equal(JobState.Queued, (await otherTenant.SubmitIngestionAsync(Upload(1))).State); // the quota is per tenant

            await jobs.CancelJobAsync(new CancelJobRequest { Id = first.Id });
            var third = await jobs.SubmitIngestionAsync(Upload(3));
            await Rpc.Fails(StatusCode.ResourceExhausted, () => jobs.RetryJobAsync(new RetryJobRequest { Id = first.Id }));

            _embeddings.Gate.TrySetResult();
            foreach (var id in new[] { second.Id, third.Id })
            {
                Assert.Equal(JobState.Succeeded, (await JobWatching.EventuallyAsync(jobs, id, j => j.State.IsFinished())).State);
            }

            Assert.Equal(2, (await jobs.RetryJobAsync(new RetryJobRequest { Id = first.Id })).Attempt);
        }
        finally
        {
            _embeddings.Gate.TrySetResult();
        }
    }

    [Fact]
    public async Task Rate_limited_embedding_calls_back_off_and_the_job_still_completes()
    {
        var (jobs, _) = Clients();
        _embeddings.RateLimitNext = 6;
        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "a.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(SampleDocuments.Pdf(2)) });
        var finished = await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished());
        Assert.Equal(JobState.Succeeded, finished.State);
        Assert.Equal(0, _embeddings.RateLimitNext);
    }

    [Fact]
    public async Task A_huge_document_of_one_tenant_does_not_hold_up_another_tenants_jobs()
    {
        var (big, _) = Clients();
        var (small, _) = Clients();
        _embeddings.Delay = TimeSpan.FromMilliseconds(100);
        try
        {
            var huge = await big.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "huge.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(SampleDocuments.Pdf(150)) });
            await JobWatching.EventuallyAsync(big, huge.Id, j => j.Stages.Any(s => s.Name == "embed" && s.Done > 0));

            var quick = await small.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "quick.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# Quick\n\nA short note.") });
            Assert.Equal(JobState.Succeeded, (await JobWatching.EventuallyAsync(small, quick.Id, j => j.State.IsFinished())).State);
            var meanwhile = await big.GetJobAsync(new GetJobRequest { Id = huge.Id });
            Assert.Equal(JobState.Running, meanwhile.State);
            await big.CancelJobAsync(new CancelJobRequest { Id = huge.Id });
        }
        finally
        {
            _embeddings.Delay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Batches_follow_the_configured_size()
    {
        var (jobs, _) = Clients();
        var before = _embeddings.Requests.Count;
        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "a.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(SampleDocuments.Pdf(6)) });
        var finished = await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished());
        Assert.Equal(JobState.Succeeded, finished.State);
        var chunks = finished.Stages.Single(s => s.Name == "embed").Total;
        var requests = _embeddings.Requests.Skip(before).ToList(); // this test makes no other embedding calls
        Assert.All(requests, r => Assert.True(r.Inputs.Count <= 4));
        Assert.Equal(chunks, requests.Sum(r => r.Inputs.Count));
    }

    private (JobService.JobServiceClient Jobs, SearchService.SearchServiceClient Search) Clients()
    {
        var clients = Infrastructure.Clients.For(_host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        return (new JobService.JobServiceClient(clients.Invoker), new SearchService.SearchServiceClient(clients.Invoker));
    }

    private static async Task WaitForEventAsync(JobService.JobServiceClient jobs, string id, Func<JobEvent, bool> seen)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = jobs.WatchJob(new WatchJobRequest { Id = id }, cancellationToken: deadline.Token);
        await foreach (var change in call.ResponseStream.ReadAllAsync(deadline.Token))
        {
            if (seen(change))
            {
                return;
            }
        }
    }
}
