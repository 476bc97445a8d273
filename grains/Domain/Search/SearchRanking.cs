using AdrPlatform.Model;

namespace AdrPlatform.Domain.Search;

/// <summary>Turns passage hits into a ranking of ADRs: each ADR once, at its best passage; hybrid fuses the two lists.</summary>
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

    /// <summary>The first (best) passage of each ADR, in the order the ADRs first appear.</summary>
    public static IReadOnlyList<RankedAdr> BestPerAdr(IReadOnlyList<ChunkHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var seen = new HashSet<int>();
        return [.. hits.Where(h => seen.Add(h.Number)).Select(h => new RankedAdr(h, h.Score))];
    }

    private static List<RankedAdr> Fuse(IReadOnlyList<RankedAdr> lexical, IReadOnlyList<RankedAdr> semantic, int rrfK)
    {
        var best = new Dictionary<int, ChunkHit>();
        foreach (var ranked in semantic.Concat(lexical))
        {
            best[ranked.Best.Number] = ranked.Best; // the lexical passage wins: it holds the words to highlight
        }

        var fused = ReciprocalRankFusion.Fuse<int>([[.. lexical.Select(r => r.Best.Number)], [.. semantic.Select(r => r.Best.Number)]], rrfK);
        return [.. fused.Select(f => new RankedAdr(best[f.Key], f.Score))];
    }
}
