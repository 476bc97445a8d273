namespace AdrPlatform.Grains.Search;

/// <summary>Bound from the "Search" section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The k of reciprocal rank fusion: larger flattens the advantage of top ranks.</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>Passages fetched from each list per hit asked for, so each ADR appears even when its passages crowd the top.</summary>
    public int CandidatesPerHit { get; set; } = 4;

    public int MaxCandidates { get; set; } = 1000;
}
