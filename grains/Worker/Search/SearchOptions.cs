using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AdrPlatform.Domain.Search;

namespace AdrPlatform.Grains.Search;

/// <summary>
/// How deep a search looks and how hybrid search fuses its lexical and semantic rankings. The weights were chosen on
/// the ADR evaluation set (docs/benchmarks.md): with the local hashing embedder every semantic weight above 0 cost
/// hybrid a little against full text alone; at a quarter of the lexical weight it stays within 0.01 nDCG@10 of it and
/// the semantic ranking still brings in passages sharing no word with the query. To be tuned again with a real model.
/// </summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    [Description("The k of reciprocal rank fusion: larger flattens the advantage of top ranks")]
    [Range(1, 10_000)]
    public int RrfK { get; set; } = 60;

    [Description("Hybrid search: the weight of the full-text ranking in the fusion")]
    [Range(0.0, 1.0)]
    public double LexicalWeight { get; set; } = 1.0;

    [Description("Hybrid search: the weight of the semantic (embedding) ranking in the fusion")]
    [Range(0.0, 1.0)]
    public double SemanticWeight { get; set; } = 0.25;

    [Description("Passages each list (full text and semantic, of ADRs and of documents) gives one search, whatever page is asked; every page is cut from the one ranking of this pool, so pages never repeat or skip a hit")]
    [Range(10, 5_000)]
    public int CandidatePool { get; set; } = 200;

    [Description("Chat grounding and related ADRs: passages fetched from each list per passage or ADR asked for, so each ADR appears even when its passages crowd the top")]
    [Range(1, 100)]
    public int CandidatesPerHit { get; set; } = 4;

    public FusionWeights Fusion() => new(LexicalWeight, SemanticWeight, RrfK);
}
