namespace AdrPlatform.Bench.Search;

/// <summary>Deterministic ADR-like text: a Zipf-distributed vocabulary of technical and made-up words.</summary>
public sealed class SyntheticCorpus(int seed)
{
    private static readonly string[] Common =
    [
        "database", "cache", "queue", "service", "tenant", "event", "stream", "latency", "schema", "migration", "index", "search",
        "kafka", "postgres", "redis", "grpc", "orleans", "grain", "silo", "cluster", "budget", "quota", "token", "embedding",
        "decision", "context", "consequence", "option", "security", "storage", "replica", "partition", "backup", "deploy",
    ];

    private readonly Random _random = new(seed);
    private readonly string[] _vocabulary = [.. Common, .. Enumerable.Range(0, 6000).Select(i => "term" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public string Word()
    {
        // Zipf-like: low indexes (the technical words) are far more frequent.
        var rank = (int)Math.Floor(Math.Pow(_vocabulary.Length, _random.NextDouble())) - 1;
        return _vocabulary[Math.Clamp(rank, 0, _vocabulary.Length - 1)];
    }

    public string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word())) + ".";

    public string Body(int sections, int wordsPerSection) =>
        string.Join("\n\n", Enumerable.Range(0, sections).Select(s => $"## Section {s}\n\n{Sentence(wordsPerSection)}"));

    public string Query() => _random.Next(3) switch
    {
        0 => Word(),
        1 => $"{Word()} {Word()}",
        _ => $"{Word()} {Word()} {Word()}",
    };
}
