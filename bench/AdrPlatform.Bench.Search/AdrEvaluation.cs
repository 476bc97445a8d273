using System.Globalization;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.TestKit;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AdrPlatform.Bench.Search;

/// <summary>
/// The ADR evaluation set, end to end over gRPC against a front silo in this process: each corpus is imported
/// through <c>ImportMarkdown</c> into a tenant of its own, each question is asked in every mode (first page of 10)
/// and the ranking is scored against the ADRs that answer it.
/// </summary>
public static class AdrEvaluation
{
    private const int K = 10;

    /// <param name="settings">Configuration of the front silo (storage, search weights, ...), as the host would read it.</param>
    public static async Task RunAsync(string questionsPath, string corporaPath, Dictionary<string, string?> settings)
    {
        var questions = EvalQuestion.Read(questionsPath);
        var host = GatewayHost.With(settings);
        await host.InitializeAsync();
        try
        {
            using var channel = host.Channel(Transport.Grpc);
            var run = Guid.NewGuid().ToString("N")[..6];
            var clients = new Dictionary<string, (SearchService.SearchServiceClient Search, IReadOnlyDictionary<string, string> Ids)>();
            foreach (var corpus in questions.Select(q => q.Corpus).Distinct())
            {
                var invoker = Caller(host, channel, $"eval-{run}-{corpus.Replace('_', '-').ToLowerInvariant()}");
                var search = new SearchService.SearchServiceClient(invoker);
                clients[corpus] = (search, await ImportAsync(new AdrService.AdrServiceClient(invoker), search, Path.Combine(corporaPath, corpus)));
            }

            var answerable = questions.Where(q => q.Files.Any(clients[q.Corpus].Ids.ContainsKey)).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ADR evaluation set: {answerable.Count} of {questions.Count} questions answerable over {clients.Count} corpora ({clients.Values.Sum(c => c.Ids.Count)} ADRs imported); " +
                $"settings: {string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"))}"));
            Console.WriteLine($"mode       nDCG@{K}  Recall@{K}  MRR");
            foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid })
            {
                var scores = new List<(double Ndcg, double Recall, double Rr)>();
                foreach (var question in answerable)
                {
                    var (search, ids) = clients[question.Corpus];
                    var relevant = question.Files.Where(ids.ContainsKey).Select(f => ids[f]).ToHashSet(StringComparer.Ordinal);
                    var hits = await search.SearchAsync(new SearchRequest { Query = question.Question, Mode = mode, PageSize = K });
                    List<string> ranked = [.. hits.Hits.Select(h => h.AdrId)];
                    scores.Add((RetrievalMetrics.NdcgAt(K, ranked, relevant), RetrievalMetrics.RecallAt(K, ranked, relevant), RetrievalMetrics.ReciprocalRank(ranked, relevant)));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{mode,-9}  {scores.Average(s => s.Ndcg),7:F3}  {scores.Average(s => s.Recall),9:F3}  {scores.Average(s => s.Rr),5:F3}"));
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static CallInvoker Caller(GatewayHost host, Grpc.Net.Client.GrpcChannel channel, string tenant)
    {
        var token = host.Token(tenant, "eval", "editor");
        return channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
    }

    /// <summary>Imports every markdown file of the folder and waits until each imported ADR is searchable; answers file name → ADR id.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ImportAsync(AdrService.AdrServiceClient adrs, SearchService.SearchServiceClient search, string folder)
    {
        var request = new ImportMarkdownRequest();
        request.Files.AddRange(Directory.GetFiles(folder, "*.md").Select(path =>
            new MarkdownFile { Path = Path.GetFileName(path), Content = ByteString.CopyFrom(File.ReadAllBytes(path)) }));
        var imported = await adrs.ImportMarkdownAsync(request);
        await Task.WhenAll(imported.Imported.Select(adr => Eventually.HoldsAsync(
            () => search.SearchAsync(new SearchRequest { Query = adr.Title, Mode = SearchMode.Lexical, PageSize = 50 }).ResponseAsync,
            found => found.Hits.Any(hit => hit.AdrId == adr.Id),
            $"{adr.Id} ({adr.SourcePath}) did not become searchable",
            TimeSpan.FromMinutes(2))));
        return imported.Imported.ToDictionary(adr => adr.SourcePath, adr => adr.Id, StringComparer.Ordinal);
    }
}
