namespace AdrPlatform.Bench.Search;

/// <summary>Quality of one ranked answer list against the set of relevant items (binary relevance).</summary>
public static class RetrievalMetrics
{
    /// <summary>DCG of the top <paramref name="k"/> (gain 1 / log2(rank + 1) per relevant item) over the best possible DCG.</summary>
    public static double NdcgAt(int k, IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        var dcg = ranked.Take(k).Select((item, i) => relevant.Contains(item) ? 1 / Math.Log2(i + 2) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(k, relevant.Count)).Sum(i => 1 / Math.Log2(i + 2));
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double RecallAt(int k, IReadOnlyList<string> ranked, IReadOnlySet<string> relevant) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.Contains) / relevant.Count;

    /// <summary>1 / the rank of the first relevant item, 0 when none is listed.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }
}
