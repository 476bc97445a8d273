namespace AdrPlatform.Bench.Retrieval;

/// <summary>The measures BEIR reports, computed as trec_eval does.</summary>
public static class RetrievalMetrics
{
    /// <summary>
    /// nDCG@k: gain is the judged grade, discounted by log2(rank + 1); divided by the same sum over the ideal
    /// ordering of every judged document. A query whose ranking holds nothing relevant scores 0.
    /// </summary>
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k)
    {
        var dcg = ranking.Take(k).Select((id, i) => grades.GetValueOrDefault(id) / Math.Log2(i + 2)).Sum();
        var ideal = grades.Values.Where(g => g > 0).OrderDescending().Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Recall@k: the share of the relevant (grade above 0) documents found in the first k.</summary>
    public static double Recall(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k)
    {
        var relevant = grades.Count(g => g.Value > 0);
        return relevant == 0 ? 0 : (double)ranking.Take(k).Count(id => grades.GetValueOrDefault(id) > 0) / relevant;
    }
}
