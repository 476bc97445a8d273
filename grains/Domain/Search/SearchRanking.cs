using AdrPlatform.Model;

namespace AdrPlatform.Domain.Search;

/// <summary>
/// Turns passage hits into a ranking of sources (ADRs, documents): each once, at its best passage; hybrid
/// fuses the lexical and semantic rankings by weighted reciprocal rank.
/// </summary>
public static class SearchRanking
{
    /// <param name="lexical">Full-text hits of every index, best first (see <see cref="ByScore"/>).</param>
    /// <param name="semantic">Nearest-neighbour hits of every index, best first.</param>
    public static IReadOnlyList<RankedAdr> Rank(SearchMode mode, IReadOnlyList<ChunkHit> lexical, IReadOnlyList<ChunkHit> semantic, FusionWeights fusion)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(semantic);
        ArgumentNullException.ThrowIfNull(fusion);
        var lexicalSources = BestPerAdr(lexical);
        var semanticSources = BestPerAdr(semantic);
        return mode switch
        {
            SearchMode.Lexical => lexicalSources,
            SearchMode.Semantic => semanticSources,
            _ => Fuse(lexicalSources, semanticSources, fusion),
        };
    }

    /// <summary>
    /// The hits of several indexes (ADRs, documents) for one query as one list, highest score first, equal scores in
    /// the order of the lists. The scores are of one kind (cosine similarity; BM25 or <c>ts_rank_cd</c> of the same
    /// terms) and so compare across indexes: a document holding every word of the query comes before an ADR holding
    /// none, where merging by position put the first of each list side by side.
    /// </summary>
    public static IReadOnlyList<ChunkHit> ByScore(params IReadOnlyList<IReadOnlyList<ChunkHit>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return [.. lists.SelectMany(list => list).OrderByDescending(hit => hit.Score)];
    }

    /// <summary>The first (best) passage of each source, in the order the sources first appear.</summary>
    public static IReadOnlyList<RankedAdr> BestPerAdr(IReadOnlyList<ChunkHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var seen = new HashSet<(int, string?)>();
        return [.. hits.Where(h => seen.Add(h.Source)).Select(h => new RankedAdr(h, h.Score))];
    }

    /// <summary>A source in both rankings is shown at its lexical passage: that one holds the words to highlight.</summary>
    private static List<RankedAdr> Fuse(IReadOnlyList<RankedAdr> lexical, IReadOnlyList<RankedAdr> semantic, FusionWeights fusion)
    {
        var best = new Dictionary<(int, string?), ChunkHit>();
        foreach (var ranked in semantic.Concat(lexical))
        {
            best[ranked.Best.Source] = ranked.Best;
        }

        var fused = ReciprocalRankFusion.Fuse<(int, string?)>(
            [Sources(lexical), Sources(semantic)], fusion.RrfK, [fusion.Lexical, fusion.Semantic]);
        return [.. fused.Select(f => new RankedAdr(best[f.Key], f.Score))];
    }

    private static List<(int, string?)> Sources(IReadOnlyList<RankedAdr> ranking) => [.. ranking.Select(r => r.Best.Source)];
}
