using System.Diagnostics;
using System.Globalization;
using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Bench.Search;
using AdrPlatform.Domain.Search;
using AdrPlatform.Grains.Search;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using AdrPlatform.TestKit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

// Two modes:
// - latency (default): search latency per mode over N passages, straight against an index adapter (no gRPC), with
//   the same ranking the search grain applies. The local hashing embedder stands in for a model.
//   usage: adr-search-bench [--index memory|postgres] [--chunks 100000] [--queries 300] [--connection "Host=..."] [--reuse]
// - ADR evaluation set (--eval): nDCG@10, Recall@10 and MRR per mode over gRPC (AdrEvaluation); any option naming a
//   setting (with a colon) configures the front silo, e.g. --Search:SemanticWeight 0.3 or --Storage:Provider postgres.
//   usage: adr-search-bench --eval [--questions bench/eval/adr-questions.tsv] [--corpora ../shared/data/adr-corpora] [--Section:Key value ...]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
string Option(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;
if (options.ContainsKey("eval"))
{
    await AdrEvaluation.RunAsync(
        Option("questions", Path.Combine(RepositoryPaths.Root(), "bench", "eval", "adr-questions.tsv")),
        Option("corpora", RepositoryPaths.AdrCorpora()),
        options.Where(o => o.Key.Contains(':', StringComparison.Ordinal)).ToDictionary(o => o.Key, o => (string?)o.Value));
    return;
}

var kind = Option("index", "memory");
var chunkCount = int.Parse(Option("chunks", "100000"), CultureInfo.InvariantCulture);
var queryCount = int.Parse(Option("queries", "300"), CultureInfo.InvariantCulture);
const int SectionsPerAdr = 4;
var search = new SearchOptions();
const string Tenant = "bench-search";

using var embeddings = new LocalHashingEmbeddingGenerator();
var model = EmbeddingProviders.ModelOf(new EmbeddingOptions { Provider = EmbeddingOptions.Hashing }).Id;
ISearchIndex index = kind switch
{
    "memory" => new InMemorySearchIndex(),
    "postgres" => new PostgresSearchIndex(
        PostgresDataSource.Create(Option("connection", "Host=127.0.0.1;Port=5432;Database=adrplatform_test;Username=adr_app;Password=adr_app_dev")),
        NullLogger<PostgresSearchIndex>.Instance),
    _ => throw new ArgumentException("--index is memory or postgres"),
};

var corpus = new SyntheticCorpus(seed: 7);
var adrs = chunkCount / SectionsPerAdr;
var seeding = Stopwatch.StartNew();
if (!(kind == "postgres" && options.ContainsKey("reuse")))
{
    await Parallel.ForEachAsync(Enumerable.Range(1, adrs), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (number, cancellationToken) =>
    {
        string title, body;
        lock (corpus)
        {
            title = corpus.Sentence(5);
            body = corpus.Body(SectionsPerAdr, 60);
        }

        var chunks = MarkdownChunker.Chunk(title, body, ChunkingOptions.Default);
        var vectors = await embeddings.GenerateAsync(chunks.Select(c => c.Heading + "\n" + c.Text), cancellationToken: cancellationToken);
        var document = new SearchDocument(number, 1, title, (AdrStatus)(1 + (number % 5)), [number % 2 == 0 ? "even" : "odd"], "bench", [], new DateOnly(2026, 1, 1));
        await index.ReplaceAsync(Tenant, document, [.. chunks.Select((c, i) => new IndexedChunk(c.Index, c.Heading, c.Text, vectors[i].Vector, model))], cancellationToken);
    });
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index={kind} adrs={adrs} passages≈{adrs * SectionsPerAdr} seeded in {seeding.Elapsed.TotalSeconds:F1}s; {queryCount} queries per mode, 1 at a time"));
var queries = Enumerable.Range(0, queryCount).Select(_ => corpus.Query()).ToList();
foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid })
{
    var times = new LatencyRecorder();
    for (var round = -20; round < queries.Count; round++)
    {
        var query = queries[Math.Max(round, 0)];
        var clock = Stopwatch.StartNew();
        var lexical = mode == SearchMode.Semantic ? [] : await index.LexicalAsync(Tenant, query, SearchFilter.None, search.CandidatePool, default);
        var semantic = mode == SearchMode.Lexical
            ? []
            : await index.SemanticAsync(Tenant, (await embeddings.GenerateAsync([query]))[0].Vector, model, SearchFilter.None, null, search.CandidatePool, default);
        var ranked = SearchRanking.Rank(mode, lexical, semantic, search.Fusion());
        _ = ranked.Take(10).Select(r => Snippets.Make(r.Best.Text, [query])).ToList();
        if (round >= 0)
        {
            times.Record(clock.Elapsed);
        }
    }

    var latency = times.Summary();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode,-9} p50 {latency.P50,8:F2} ms   p95 {latency.P95,8:F2} ms   p99 {latency.P99,8:F2} ms"));
}
