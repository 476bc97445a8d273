using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>Document ingestion through the real front silo (embedded default: memory streams, local embedder).</summary>
public class JobsApiTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private const string Pdf = "application/pdf";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static TheoryData<string, string, Transport> Formats => new()
    {
        { "review.pdf", Pdf, Transport.Grpc },
        { "runbook.docx", Docx, Transport.Grpc },
        { "guide.html", "text/html", Transport.GrpcWeb },
        { "notes.md", "text/markdown", Transport.Grpc },
        { "notes.md", "text/markdown; charset=utf-8", Transport.GrpcWeb },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_upload_is_parsed_chunked_embedded_and_found_by_search_with_every_progress_event_in_order(string name, string mediaType, Transport transport)
    {
        var clients = Clients.For(host, transport, Rpc.Tenant(), "alice", "editor");
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        var document = SampleFor(name);

        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = name, MediaType = mediaType, Content = ByteString.CopyFrom(document.Bytes) });
        Assert.Equal(JobKind.Ingestion, job.Kind);
        Assert.Equal(document.Bytes.Length, job.SizeBytes);
        Assert.Equal("alice", job.SubmittedBy);

        var events = await JobWatching.UntilFinishedAsync(jobs, job.Id);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(JobState.Succeeded, events[^1].State);
        Assert.Equal(100, events[^1].Percent);
        foreach (var stage in new[] { "parse", "chunk", "embed", "index" })
        {
            Assert.Contains(events, e => e.Stage == stage);
        }

        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.Second.Percent >= pair.First.Percent), "progress never goes back");
        var finished = await jobs.GetJobAsync(new GetJobRequest { Id = job.Id });
        Assert.Equal(JobState.Succeeded, finished.State);
        Assert.EndsWith("passages searchable", finished.Result, StringComparison.Ordinal);
        Assert.All(finished.Stages, s => Assert.Equal(100, s.Percent));

        foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid })
        {
            var hits = await search.SearchAsync(new SearchRequest { Query = document.DistinctiveQuery, Mode = mode });
            var hit = hits.Hits.First();
            Assert.Equal(job.DocumentId, hit.DocumentId);
            Assert.Equal(name, hit.Title);
            Assert.Empty(hit.AdrId);
        }

        var resumed = await JobWatching.UntilFinishedAsync(jobs, job.Id, afterSequence: events[^2].Sequence);
        Assert.Equal(events[^1].Sequence, Assert.Single(resumed).Sequence);
    }

    [Fact]
    public async Task Chat_answers_are_grounded_in_ingested_documents_and_cite_them()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var text = "# Backup policy\n\nThe platform team restores a full backup of every tenant database each quarter. Restores are rehearsed in a staging region.";
        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "backup-policy.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8(text) });
        Assert.Equal(JobState.Succeeded, (await JobWatching.UntilFinishedAsync(jobs, job.Id))[^1].State);

        var chat = new ChatService.ChatServiceClient(clients.Invoker);
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "How often is a full backup restored?" });
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();
        var answer = string.Concat(responses.Where(r => r.EventCase == SendMessageResponse.EventOneofCase.Delta).Select(r => r.Delta));
        Assert.Contains("each quarter", answer, StringComparison.Ordinal);
        Assert.Contains($"[DOC-{job.DocumentId}]", answer, StringComparison.Ordinal);
        var citation = Assert.Single(responses.Single(r => r.EventCase == SendMessageResponse.EventOneofCase.Citations).Citations.Citations_);
        Assert.Equal((job.DocumentId, "backup-policy.md", ""), (citation.DocumentId, citation.Title, citation.AdrId));
    }

    [Fact]
    public async Task A_repeated_submit_with_the_same_idempotency_key_answers_the_same_job_and_runs_once()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var request = new SubmitIngestionRequest { Name = "a.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# One\n\nOnce only, please."), IdempotencyKey = "upload-42" };

        var first = await jobs.SubmitIngestionAsync(request);
        var second = await jobs.SubmitIngestionAsync(request);
        Assert.Equal(first.Id, second.Id);
        var events = await JobWatching.UntilFinishedAsync(jobs, first.Id);
        Assert.Single(events, e => e.Message == "queued");
        Assert.Equal(first.Id, (await jobs.SubmitIngestionAsync(request)).Id);
        Assert.Single((await jobs.ListJobsAsync(new ListJobsRequest())).Jobs);

        var other = request.Clone();
        other.Content = ByteString.CopyFromUtf8("# Two\n\nSomething else.");
        await Rpc.Fails(StatusCode.AlreadyExists, () => jobs.SubmitIngestionAsync(other));
    }

    public static TheoryData<string, string, string> Rejected => new()
    {
        { "corrupt", Pdf, "PDF" },
        { "encrypted", Pdf, "encrypted" },
        { "zip-bomb", Docx, "expands" },
        { "scanned", Pdf, "no text" },
        { "mislabelled", "text/markdown", "PDF" },
        { "binary", "text/plain", "binary data, not text" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Bad_documents_fail_their_job_with_a_reason_and_leave_nothing_searchable(string kind, string mediaType, string reason)
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var bytes = kind switch
        {
            "corrupt" => SampleDocuments.CorruptPdf(),
            "encrypted" => SampleDocuments.EncryptedPdf(),
            "zip-bomb" => SampleDocuments.DocxZipBomb(),
            "scanned" => SampleDocuments.ScannedPdf(),
            "mislabelled" => SampleDocuments.Pdf(1),
            _ => [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x42],
        };

        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = kind, MediaType = mediaType, Content = ByteString.CopyFrom(bytes) });
        var events = await JobWatching.UntilFinishedAsync(jobs, job.Id);
        Assert.Equal(JobState.Failed, events[^1].State);
        var failed = await jobs.GetJobAsync(new GetJobRequest { Id = job.Id });
        Assert.Equal(JobState.Failed, failed.State);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.Contains(reason, failed.Error, StringComparison.OrdinalIgnoreCase);
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        Assert.Empty((await search.SearchAsync(new SearchRequest { Query = "architecture decision", Mode = SearchMode.Hybrid })).Hits);
    }

    [Fact]
    public async Task Bad_submits_are_refused_with_the_right_status()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var oversized = new byte[(20 * 1024 * 1024) + 1];
        var message = await Rpc.Fails(StatusCode.ResourceExhausted, () => jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "big.txt", MediaType = "text/plain", Content = ByteString.CopyFrom(oversized) }));
        Assert.Contains("limited to", message, StringComparison.Ordinal);
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "empty.md", MediaType = "text/markdown" }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "x.exe", MediaType = "application/x-msdownload", Content = ByteString.CopyFromUtf8("MZ") }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "", MediaType = "text/plain", Content = ByteString.CopyFromUtf8("x") }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "a\nb", MediaType = "text/plain", Content = ByteString.CopyFromUtf8("x") }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "a", MediaType = "text/plain", Content = ByteString.CopyFromUtf8("x"), IdempotencyKey = new string('k', 129) }));
        await Rpc.Fails(StatusCode.NotFound, () => jobs.GetJobAsync(new GetJobRequest { Id = "../../etc/passwd" }));
        await Rpc.Fails(StatusCode.NotFound, () => jobs.GetJobAsync(new GetJobRequest { Id = "j000000000000000000000000" }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.ListJobsAsync(new ListJobsRequest { PageSize = 1000 }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.ListJobsAsync(new ListJobsRequest { PageToken = "garbage" }));

        await Rpc.FailsStreaming(StatusCode.NotFound, () => jobs.WatchJob(new WatchJobRequest { Id = "j000000000000000000000000" }));
        await Rpc.FailsStreaming(StatusCode.InvalidArgument, () => jobs.WatchJob(new WatchJobRequest { Id = "j000000000000000000000000", AfterSequence = -1 }));
        await Rpc.Fails(StatusCode.NotFound, () => jobs.CancelJobAsync(new CancelJobRequest { Id = "j000000000000000000000000" }));
        await Rpc.Fails(StatusCode.NotFound, () => jobs.RetryJobAsync(new RetryJobRequest { Id = "not-a-job" }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => jobs.ListJobsAsync(new ListJobsRequest { States = { (JobState)42 } }));

        var viewer = new JobService.JobServiceClient(Clients.For(host, Transport.Grpc, Rpc.Tenant(), "vic", "viewer").Invoker);
        await Rpc.Fails(StatusCode.PermissionDenied, () => viewer.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "a.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# a") }));
        await Rpc.Fails(StatusCode.PermissionDenied, () => viewer.CancelJobAsync(new CancelJobRequest { Id = "j000000000000000000000000" }));
    }

    [Fact]
    public async Task Users_see_their_own_jobs_admins_see_all_and_other_tenants_see_none()
    {
        var tenant = Rpc.Tenant();
        var alice = new JobService.JobServiceClient(Clients.For(host, Transport.Grpc, tenant, "alice", "editor").Invoker);
        var bob = new JobService.JobServiceClient(Clients.For(host, Transport.Grpc, tenant, "bob", "editor").Invoker);
        var admin = new JobService.JobServiceClient(Clients.For(host, Transport.Grpc, tenant, "ada", "admin").Invoker);
        var stranger = new JobService.JobServiceClient(Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "admin").Invoker);

        var alices = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            alices.Add(await alice.SubmitIngestionAsync(new SubmitIngestionRequest { Name = $"a{i}.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8($"# A{i}\n\nAlice's note {i}.") }));
        }

        var bobs = await bob.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "b.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# B\n\nBob's note.") });
        foreach (var job in alices.Append(bobs))
        {
            await JobWatching.EventuallyAsync(admin, job.Id, j => j.State.IsFinished());
        }

        await Rpc.Fails(StatusCode.NotFound, () => bob.GetJobAsync(new GetJobRequest { Id = alices[0].Id }));
        await Rpc.Fails(StatusCode.NotFound, () => bob.CancelJobAsync(new CancelJobRequest { Id = alices[0].Id }));
        await Rpc.Fails(StatusCode.NotFound, () => stranger.GetJobAsync(new GetJobRequest { Id = alices[0].Id }));
        Assert.Equal(alices[0].Id, (await admin.GetJobAsync(new GetJobRequest { Id = alices[0].Id })).Id);

        Assert.Equal(["b.md"], (await bob.ListJobsAsync(new ListJobsRequest())).Jobs.Select(j => j.DocumentName));
        Assert.Equal(4, (await admin.ListJobsAsync(new ListJobsRequest())).Jobs.Count);
        Assert.Equal(3, (await admin.ListJobsAsync(new ListJobsRequest { SubmittedBy = "alice" })).Jobs.Count);
        Assert.Empty((await stranger.ListJobsAsync(new ListJobsRequest())).Jobs);
        Assert.Empty((await admin.ListJobsAsync(new ListJobsRequest { States = { JobState.Failed } })).Jobs);

        var first = await alice.ListJobsAsync(new ListJobsRequest { PageSize = 2 });
        Assert.Equal(["a2.md", "a1.md"], first.Jobs.Select(j => j.DocumentName));
        var second = await alice.ListJobsAsync(new ListJobsRequest { PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(["a0.md"], second.Jobs.Select(j => j.DocumentName));
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task The_admins_live_board_shows_jobs_as_they_change()
    {
        var tenant = Rpc.Tenant();
        var admin = new JobService.JobServiceClient(Clients.For(host, Transport.GrpcWeb, tenant, "ada", "admin").Invoker);
        var alice = new JobService.JobServiceClient(Clients.For(host, Transport.Grpc, tenant, "alice", "editor").Invoker);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var board = admin.WatchJobs(new WatchJobsRequest(), cancellationToken: stop.Token);
        var seen = new List<Job>();
        var reading = Task.Run(async () =>
        {
            await foreach (var change in board.ResponseStream.ReadAllAsync(stop.Token))
            {
                lock (seen)
                {
                    seen.Add(change);
                    if (change.State == JobState.Succeeded)
                    {
                        return;
                    }
                }
            }
        });
        await Task.Delay(200); // the watch is open before the job is submitted

        var job = await alice.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "live.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# Live\n\nWatched as it runs.") });
        await reading;
        lock (seen)
        {
            Assert.All(seen, j => Assert.Equal(job.Id, j.Id));
            Assert.Equal(JobState.Queued, seen[0].State);
            Assert.Contains(seen, j => j.State == JobState.Running);
            Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second.LastSequence > p.First.LastSequence), "changes arrive in order");
        }
    }

    private static Sample SampleFor(string name) => Path.GetExtension(name) switch
    {
        ".pdf" => new Sample(SampleDocuments.Pdf(3), SampleDocuments.PdfPageTerm(2)),
        ".docx" => new Sample(SampleDocuments.Docx(), SampleDocuments.DocxTerm),
        ".html" => new Sample(System.Text.Encoding.UTF8.GetBytes(SampleDocuments.Html()), SampleDocuments.HtmlTerm),
        _ => new Sample(System.Text.Encoding.UTF8.GetBytes(SampleDocuments.Markdown()), SampleDocuments.MarkdownTerm),
    };

    private sealed record Sample(byte[] Bytes, string DistinctiveQuery);
}
