using System.Globalization;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Integration.Tests.Jobs;
using Google.Protobuf;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests;

/// <summary>
/// Search results over gRPC are one ranking per query: pages cut from it agree whatever their size, and ADRs and
/// documents are ranked by comparable scores. Runs on the embedded default and on PostgreSQL.
/// </summary>
public abstract class SearchRankingApiTests(GatewayHost host)
{
    private const int AdrCount = 36;
    private const string Query = "tenant cache";

    private static readonly string[] Topics = ["cache", "database", "latency", "queue", "tenant", "replica", "index", "budget", "schema"];

    public static TheoryData<SearchMode> Modes => [SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Pages_of_any_size_concatenate_to_the_one_big_page_without_repeats(SearchMode mode)
    {
        var search = await SeededAsync();

        var big = await PageAsync(search, mode, pageSize: 50, token: "");
        Assert.Empty(big.NextPageToken);
        var all = Ids(big);
        Assert.True(all.Count >= 20, $"the query should match most ADRs ({all.Count} hits)");

        foreach (var pageSize in new[] { 7, 10 })
        {
            var paged = new List<string>();
            var token = "";
            do
            {
                var page = await PageAsync(search, mode, pageSize, token);
                Assert.True(page.Hits.Count <= pageSize);
                paged.AddRange(Ids(page));
                token = page.NextPageToken;
            }
            while (token.Length > 0);

            Assert.Equal(all, paged);
        }

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(all.Take(10), Ids(await PageAsync(search, mode, pageSize: 10, token: "")));
    }

    [Fact]
    public async Task An_adr_sharing_no_word_of_the_query_never_outranks_the_document_holding_them_all()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        var jobs = new JobService.JobServiceClient(clients.Invoker);
        var adr = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Button colours", Body = "Buttons are blue and rounded." });
        await clients.UntilSearchableAsync(adr);
        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest
        {
            Name = "airships.md",
            MediaType = "text/markdown",
            Content = ByteString.CopyFromUtf8("# Airships\n\nThe zeppelin hangar keeps every mooring mast dry."),
        });
        Assert.Equal(JobState.Succeeded, (await JobWatching.UntilFinishedAsync(jobs, job.Id))[^1].State);

        foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid })
        {
            var hits = (await search.SearchAsync(new SearchRequest { Query = "zeppelin hangar mooring", Mode = mode })).Hits;
            Assert.Equal(job.DocumentId, hits[0].DocumentId);
        }
    }

    /// <summary>A fresh tenant with ADRs of three sections each, every section naming the tenant and some with the cache.</summary>
    private async Task<SearchService.SearchServiceClient> SeededAsync()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        var import = new ImportMarkdownRequest();
        import.Files.AddRange(Enumerable.Range(1, AdrCount).Select(n =>
        {
            string Topic(int shift) => Topics[((n * n) + (shift * n) + (3 * shift)) % Topics.Length];
            var number = n.ToString("D4", CultureInfo.InvariantCulture);
            return MarkdownUploads.File(
                $"{number}-decision-{n}.md",
                $"# {n}. Decide on the {Topic(1)}\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n" +
                $"## Context\n\nThe {Topic(2)} and the {Topic(3)} grew; {Topic(5)} matters for tenant {n}.\n\n" +
                $"## Decision\n\nTenant {n} keeps the {Topic(7)} near the {Topic(1)} and measures {Topic(4)} weekly.\n\n" +
                $"## Consequences\n\nA {Topic(2)} {Topic(8)} review of tenant {n} every quarter.\n");
        }));
        Assert.Equal(AdrCount, (await clients.Adrs.ImportMarkdownAsync(import)).Imported.Count);
        await Eventually.HoldsAsync(
            () => search.SearchAsync(new SearchRequest { Query = "tenant", Mode = SearchMode.Lexical, PageSize = 50 }).ResponseAsync,
            r => r.Hits.Count == AdrCount,
            "the index did not catch up");
        return search;
    }

    private static async Task<SearchResponse> PageAsync(SearchService.SearchServiceClient search, SearchMode mode, int pageSize, string token) =>
        await search.SearchAsync(new SearchRequest { Query = Query, Mode = mode, PageSize = pageSize, PageToken = token });

    private static List<string> Ids(SearchResponse page) => [.. page.Hits.Select(h => h.AdrId + h.DocumentId)];
}

public sealed class SearchRankingInMemoryApiTests(GatewayHost host) : SearchRankingApiTests(host), IClassFixture<GatewayHost>;

[Collection(UsesPostgres.Name)]
public sealed class SearchRankingOnPostgresApiTests(PostgresGatewayHost host) : SearchRankingApiTests(host), IClassFixture<PostgresGatewayHost>;
