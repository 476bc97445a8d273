using AdrPlatform.Model;

namespace AdrPlatform.Domain.Search;

/// <summary>
/// Turns passage hits into a ranking of sources (ADRs, documents): each once, at its best passage; hybrid
/// fuses the lexical and semantic lists, and rankings from separate indexes are fused the same way.
/// </summary>
public static class SearchRanking
{
    public static IReadOnlyList<RankedAdr> Rank(SearchMode mode, IReadOnlyList<ChunkHit> lexical, IReadOnlyList<ChunkHit> semantic, int rrfK)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(semantic);
        var lexicalAdrs = BestPerAdr(lexical);
        var semanticAdrs = BestPerAdr(semantic);
        return mode switch
        {
            SearchMode.Lexical => lexicalAdrs,
            SearchMode.Semantic => semanticAdrs,
            _ => Fuse(lexicalAdrs, semanticAdrs, rrfK),
        };
    }

    /// <summary>
    /// One ranking from the rankings of separate indexes (whose scores do not compare): a single
    /// non-empty one as it is, several fused by reciprocal rank.
    /// </summary>
    public static IReadOnlyList<RankedAdr> Merge(IReadOnlyList<IReadOnlyList<RankedAdr>> rankings, int rrfK)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var nonEmpty = rankings.Where(r => r.Count > 0).ToList();
        return nonEmpty.Count switch
        {
            0 => [],
            1 => nonEmpty[0],
            _ => Fuse(nonEmpty, rrfK),
        };
    }

    /// <summary>The first (best) passage of each source, in the order the sources first appear.</summary>
    public static IReadOnlyList<RankedAdr> BestPerAdr(IReadOnlyList<ChunkHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var seen = new HashSet<(int, string?)>();
        return [.. hits.Where(h => seen.Add(h.Source)).Select(h => new RankedAdr(h, h.Score))];
    }

    private static List<RankedAdr> Fuse(IReadOnlyList<RankedAdr> lexical, IReadOnlyList<RankedAdr> semantic, int rrfK) =>
        Fuse([lexical, semantic], rrfK);

    /// <summary>Earlier rankings' passages win for a source in several: the lexical one holds the words to highlight.</summary>
    private static List<RankedAdr> Fuse(IReadOnlyList<IReadOnlyList<RankedAdr>> rankings, int rrfK)
    {
        var best = new Dictionary<(int, string?), ChunkHit>();
        foreach (var ranked in rankings.Reverse().SelectMany(r => r))
        {
            best[ranked.Best.Source] = ranked.Best;
        }

        var fused = ReciprocalRankFusion.Fuse<(int, string?)>([.. rankings.Select(r => (IReadOnlyList<(int, string?)>)[.. r.Select(x => x.Best.Source)])], rrfK);
        return [.. fused.Select(f => new RankedAdr(best[f.Key], f.Score))];
    }
}
