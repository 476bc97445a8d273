using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Grains.Search;

/// <summary>How hybrid search fuses its lexical and semantic lists.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    [Description("The k of reciprocal rank fusion: larger flattens the advantage of top ranks")]
    [Range(1, 10_000)]
    public int RrfK { get; set; } = 60;

    [Description("Passages fetched from each list per hit asked for, so each ADR appears even when its passages crowd the top")]
    [Range(1, 100)]
    public int CandidatesPerHit { get; set; } = 4;

    [Description("Most passages fetched from each list")]
    [Range(1, 100_000)]
    public int MaxCandidates { get; set; } = 1000;
}
