using System.Globalization;
using System.Text.RegularExpressions;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// A front silo holding only the front role beside one worker silo, each its own process: documents are parsed and
/// embedded, and queries embedded, on the worker only. Each silo has its own embeddings provider, so the provider
/// that was called says where the job and search grains ran.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class SiloRoleTests(PostgresDatabase database)
{
    [Fact]
    public async Task A_front_only_silo_runs_no_job_or_search_grain_and_never_parses_a_document()
    {
        _ = database;
        await using var cluster = await IngestionCluster.StartWithThinFrontAsync();
        var tenant = Rpc.Tenant();
        var jobs = cluster.Jobs(tenant);
        var content = SampleDocuments.Pdf(2);

        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "roles.pdf", MediaType = "application/pdf", Content = ByteString.CopyFrom(content) });
        await cluster.AssertIngestedOnceAsync(tenant, job, content, TimeSpan.FromSeconds(120));
        var search = new SearchService.SearchServiceClient(cluster.Invoker(tenant));
        var hits = (await search.SearchAsync(new SearchRequest { Query = SampleDocuments.PdfPageTerm(2), Mode = SearchMode.Hybrid })).Hits;

        Assert.Contains(hits, hit => hit.DocumentId == job.DocumentId);
        Assert.Empty(cluster.FrontEmbeddings.Requests);
        Assert.Empty(ParserProcessesOf(cluster.Front.Id));

        // Each silo reports on its own management port: the job ran on the worker, so its metrics are there.
        var worker = Assert.Single(cluster.Workers);
        Assert.Equal("Healthy", await ManagementAsync(worker, "/readyz"));
        Assert.Equal("Healthy", await ManagementAsync(cluster.Front, "/readyz"));
        await Eventually.HoldsAsync(
            () => ManagementAsync(worker, "/metrics"), metrics => metrics.Contains("adrplatform_jobs_finished", StringComparison.Ordinal), "the worker exports the job's metrics");
        var frontMetrics = await ManagementAsync(cluster.Front, "/metrics");
        Assert.DoesNotContain("adrplatform_jobs_finished", frontMetrics, StringComparison.Ordinal);

        // Only workers pull the event streams: the front runs no pulling agent, the worker one per queue.
        Assert.Equal(0, Sum(frontMetrics, PullingAgents));
        Assert.True(Sum(await ManagementAsync(worker, "/metrics"), PullingAgents) > 0, "the worker runs no pulling agent");
    }

    private const string PullingAgents = "orleans_streams_persistent_stream_pulling_agents";

    /// <summary>The sum of a metric's samples in a Prometheus text exposition; 0 when it has none.</summary>
    private static double Sum(string exposition, string metric) => exposition.Split('\n')
        .Select(line => Regex.Match(line, $@"^{metric}(\{{.*\}})?\s+(?<value>\S+)(\s+\d+)?$"))
        .Where(sample => sample.Success)
        .Sum(sample => double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static async Task<string> ManagementAsync(SiloProcess silo, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + silo.Settings["Management:Port"]) };
        return await http.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    /// <summary>The child processes of <paramref name="pid"/> that run the document parser.</summary>
    private static List<int> ParserProcessesOf(int pid) =>
    [
        .. Directory.EnumerateDirectories($"/proc/{pid}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)
            .Where(child => File.Exists($"/proc/{child}/cmdline")
                && File.ReadAllText($"/proc/{child}/cmdline").Contains("DocumentParser", StringComparison.Ordinal)),
    ];
}
