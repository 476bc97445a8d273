using System.Diagnostics;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Integration.Tests.Documents;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Health.V1;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>
/// Hostile uploads through the real front silo (embedded default, all roles in this process): each job fails with
/// its reason, the process stays alive and answers, its memory stays bounded, and the tenant's next job runs.
/// </summary>
[Collection(ParserProcessesRunAlone.Name)]
public sealed class HostileUploadTests(HostileUploadTests.TightParsers host) : IClassFixture<HostileUploadTests.TightParsers>
{
    private const string NestedTooDeeply = "the document is nested too deeply to read";
    private const string ProcessorTime = "the document needed more than 10 s of processor time to read";

    /// <summary>Each upload with the reasons it may fail with (the DOCX overflows the stack after about as much CPU as the limit allows).</summary>
    public static TheoryData<string, string, string[]> Uploads => new()
    {
        { "deep-page-tree.pdf", DocumentMediaTypes.Pdf, [NestedTooDeeply] },
        { "deep-elements.html", DocumentMediaTypes.Html, [ProcessorTime] },
        { "deep-content-controls.docx", DocumentMediaTypes.Docx, [NestedTooDeeply, ProcessorTime] },
        { "flate-bomb.pdf", DocumentMediaTypes.Pdf, ["no text could be extracted (scanned PDF? OCR is not supported)"] },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task A_hostile_upload_fails_its_job_and_the_silo_and_the_tenant_s_next_job_carry_on(string name, string mediaType, string[] reasons)
    {
        var jobs = Jobs();
        var before = RssMegabytes();
        var clock = Stopwatch.StartNew();

        var hostile = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = name, MediaType = mediaType, Content = ByteString.CopyFrom(Generate(name)) });
        var failed = await JobWatching.EventuallyAsync(jobs, hostile.Id, j => j.State.IsFinished());

        Assert.Equal(JobState.Failed, failed.State);
        Assert.Contains(failed.Error, reasons);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(75), $"the job took {clock.Elapsed} to fail, past its limits");
        Assert.True(RssMegabytes() - before < 300, $"the silo's memory grew from {before} to {RssMegabytes()} MB");
        var health = await new Health.HealthClient(host.Channel(Transport.Grpc)).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        await NextJobSucceedsAsync(jobs, TimeSpan.FromSeconds(30));
    }

    internal static async Task NextJobSucceedsAsync(JobService.JobServiceClient jobs, TimeSpan within)
    {
        var next = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "next.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8(SampleDocuments.Markdown()) });
        Assert.Equal(JobState.Succeeded, (await JobWatching.EventuallyAsync(jobs, next.Id, j => j.State.IsFinished(), within)).State);
    }

    private JobService.JobServiceClient Jobs() => new(Clients.For(host, Transport.Grpc, Rpc.Tenant(), "mallory", "editor").Invoker);

    private static long RssMegabytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / (1024 * 1024);
    }

    private static byte[] Generate(string name) => name switch
    {
        "deep-page-tree.pdf" => HostileDocuments.PdfDeepPageTree(200_000),
        "deep-elements.html" => HostileDocuments.HtmlDeepElements(1_000_000),
        "deep-content-controls.docx" => HostileDocuments.DocxDeepContentControls(100_000),
        "flate-bomb.pdf" => HostileDocuments.PdfFlateBomb(1L << 30),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such upload"),
    };

    public sealed class TightParsers() : GatewayHost(new Dictionary<string, string?>
    {
        ["Ingestion:Parser:MaxCpuSecondsPerDocument"] = "10",
        ["Ingestion:Parser:MaxTimePerDocument"] = "00:01:00",
        ["Ingestion:Parser:MaxMemoryMegabytes"] = "256",
    });
}

/// <summary>A cancelled job's parser process is killed: the tenant's next document does not wait out the parse's limits.</summary>
[Collection(ParserProcessesRunAlone.Name)]
public sealed class HostileUploadCancelTests(HostileUploadCancelTests.PatientParsers host) : IClassFixture<HostileUploadCancelTests.PatientParsers>
{
    [Fact]
    public async Task Cancelling_a_job_stuck_in_parsing_frees_the_tenant_s_queue_at_once()
    {
        var jobs = new JobService.JobServiceClient(Clients.For(host, Transport.GrpcWeb, Rpc.Tenant(), "mallory", "editor").Invoker);
        var stuck = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest
        {
            Name = "deep.html", MediaType = "text/html", Content = ByteString.CopyFrom(HostileDocuments.HtmlDeepElements(1_000_000)),
        });
        await JobWatching.EventuallyAsync(jobs, stuck.Id, j => j.State == JobState.Running);
        await Task.Delay(1000);

        var clock = Stopwatch.StartNew();
        Assert.Equal(JobState.Cancelled, (await jobs.CancelJobAsync(new CancelJobRequest { Id = stuck.Id })).State);
        await HostileUploadTests.NextJobSucceedsAsync(jobs, TimeSpan.FromSeconds(15));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the next job waited {clock.Elapsed}");
        Assert.DoesNotContain(Process.GetProcesses(), p => IsBusyParser(p));
    }

    /// <summary>A parser process of this test run still burning CPU (the killed one would be gone).</summary>
    private static bool IsBusyParser(Process process)
    {
        try
        {
            if (!File.ReadAllText($"/proc/{process.Id}/cmdline").Contains("AdrPlatform.DocumentParser.dll", StringComparison.Ordinal))
            {
                return false;
            }

            var before = process.TotalProcessorTime;
            Thread.Sleep(300);
            process.Refresh();
            return process.TotalProcessorTime - before > TimeSpan.FromMilliseconds(200);
        }
        catch (Exception gone) when (gone is IOException or InvalidOperationException)
        {
            return false;
        }
    }

    public sealed class PatientParsers() : GatewayHost(new Dictionary<string, string?>
    {
        ["Ingestion:Parser:MaxCpuSecondsPerDocument"] = "600",
        ["Ingestion:Parser:MaxTimePerDocument"] = "00:10:00",
    });
}
