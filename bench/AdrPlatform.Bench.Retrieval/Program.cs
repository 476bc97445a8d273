using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AdrPlatform.Bench.Retrieval;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Domain.Search;
using AdrPlatform.TestKit;
using Grpc.Core;
using Grpc.Core.Interceptors;

// Retrieval quality of SearchService.Search on a BEIR data set (NFCorpus by default), through the public gRPC API
// of a front silo in this process: every document becomes an ADR (title + text), every test query is searched in
// each mode, and nDCG@10 and Recall@100 are computed as trec_eval does.
// usage: adr-retrieval-bench [--embedder arctic-xs|minilm|hashing] [--storage memory|postgres] [--data DIR]
//                            [--concurrency 16] [--threads 1]
// Data: --data, $BEIR_NFCORPUS_DIR, or ../shared/data/beir-nfcorpus beside the repository. PostgreSQL: the test
// database of scripts/install-postgres.sh ($ADR_PG_TEST_APP / $ADR_PG_TEST_OWNER), migrated on start, a fresh tenant.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
string Option(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;
var embedder = Option("embedder", "arctic-xs");
var storage = Option("storage", "memory");
var concurrency = int.Parse(Option("concurrency", "16"), CultureInfo.InvariantCulture);
var folder = options.TryGetValue("data", out var given) ? given
    : SharedData.Find("beir-nfcorpus", "BEIR_NFCORPUS_DIR", out var lookedAt) ?? throw new DirectoryNotFoundException($"No BEIR data set at {lookedAt}; pass --data.");
var data = BeirDataSet.Load(folder);

var settings = new Dictionary<string, string?>
{
    ["Embeddings:Provider"] = embedder == "hashing" ? "hashing" : "onnx",
    ["Embeddings:Model"] = embedder == "hashing" ? null : embedder,
    ["Embeddings:IntraOpNumThreads"] = Option("threads", "1"),
    ["Storage:Provider"] = storage,
    ["Logging:LogLevel:Default"] = "Warning",
};
if (storage == "postgres")
{
    settings["ConnectionStrings:AdrPlatform"] = Environment.GetEnvironmentVariable("ADR_PG_TEST_APP");
    settings["ConnectionStrings:AdrPlatformOwner"] = Environment.GetEnvironmentVariable("ADR_PG_TEST_OWNER");
    settings["Storage:MigrateOnStart"] = "true";
}

var host = GatewayHost.With(settings);
await host.InitializeAsync();
using var channel = host.Channel(Transport.Grpc);
var tenant = "beir-" + Guid.NewGuid().ToString("N")[..8];
// Tokens live an hour; a slow machine can take longer to load and query, so a fresh one is minted every 10 minutes.
var token = (Value: host.Token(tenant, "bench", "editor"), Minted: Stopwatch.StartNew());
var invoker = channel.Intercept(metadata =>
{
    if (token.Minted.Elapsed > TimeSpan.FromMinutes(10))
    {
        token = (host.Token(tenant, "bench", "editor"), Stopwatch.StartNew());
    }

    metadata.Add("authorization", "Bearer " + token.Value);
    return metadata;
});
var adrs = new AdrService.AdrServiceClient(invoker);
var search = new SearchService.SearchServiceClient(invoker);
var passages = data.Documents.Sum(d => MarkdownChunker.Chunk(d.Title, d.Text, ChunkingOptions.Default).Count);
Console.WriteLine($"{data.Documents.Count:N0} documents ({passages:N0} passages), {data.Queries.Count} queries; embedder {embedder}, storage {storage}, {Environment.ProcessorCount} cores");

// Load: the documents as ADRs, many creations at once; then wait until each has its vectors in the index
// (RelatedAdrs answers NOT_FOUND for an ADR that is not indexed yet).
var documentOf = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
var created = new ConcurrentQueue<string>();
var loading = Stopwatch.StartNew();
await Parallel.ForEachAsync(data.Documents, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (document, cancellationToken) =>
{
    var title = document.Title.Length <= 300 ? document.Title : document.Title[..300];
    var adr = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = title, Body = document.Text }, cancellationToken: cancellationToken);
    documentOf[adr.Id] = document.Id;
    created.Enqueue(adr.Id);
});
var createdIn = loading.Elapsed;
foreach (var adrId in created)
{
    await Eventually.HoldsAsync(() => IsIndexedAsync(adrId), indexed => indexed, $"{adrId} was not indexed in time",
        timeout: TimeSpan.FromMinutes(20), interval: TimeSpan.FromMilliseconds(200));
}

var indexedIn = loading.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"created in {createdIn.TotalSeconds:F1} s, searchable after {indexedIn.TotalSeconds:F1} s: {indexedIn.TotalMilliseconds / passages:F1} ms per passage (creation, embedding and indexing, wall clock)"));

Console.WriteLine("mode       nDCG@10  Recall@100  p50 ms  p95 ms");
foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid })
{
    var latency = new LatencyRecorder();
    double ndcg = 0, recall = 0;
    foreach (var query in data.Queries)
    {
        var ranking = await RankAsync(query.Text, mode, latency);
        ndcg += RetrievalMetrics.Ndcg(ranking, data.Judgements[query.Id], 10);
        recall += RetrievalMetrics.Recall(ranking, data.Judgements[query.Id], 100);
    }

    var summary = latency.Summary();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{mode.ToString().ToUpperInvariant(),-9} {ndcg / data.Queries.Count,8:F4} {recall / data.Queries.Count,11:F4} {summary.P50,7:F1} {summary.P95,7:F1}"));
}

await host.DisposeAsync();

async Task<bool> IsIndexedAsync(string adrId)
{
    try
    {
        await search.RelatedAdrsAsync(new RelatedAdrsRequest { Id = adrId, Limit = 1 });
        return true;
    }
    catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
    {
        return false;
    }
}

// The first 100 hits in two pages of 50 (the API's largest), as document ids, each once.
async Task<IReadOnlyList<string>> RankAsync(string text, SearchMode mode, LatencyRecorder latency)
{
    var ranking = new List<string>();
    var request = new SearchRequest { Query = text, Mode = mode, PageSize = 50 };
    for (var page = 0; page < 2; page++)
    {
        var clock = Stopwatch.StartNew();
        var response = await search.SearchAsync(request);
        if (page == 0)
        {
            latency.Record(clock.Elapsed);
        }

        ranking.AddRange(response.Hits.Select(h => documentOf[h.AdrId]).Where(id => !ranking.Contains(id)));
        if (string.IsNullOrEmpty(response.NextPageToken))
        {
            break;
        }

        request.PageToken = response.NextPageToken;
    }

    return ranking;
}
