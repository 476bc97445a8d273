namespace AdrPlatform.Domain.Search;

public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    /// <summary>
    /// score(d) = sum over the rankings r containing d of 1 / (k + rank_r(d)), ranks starting at 1. Highest first;
    /// equal scores keep the order in which keys first appear (rankings in order, each from its top). A key repeated
    /// within one ranking counts at its best rank only.
    /// </summary>
    public static IReadOnlyList<(TKey Key, double Score)> Fuse<TKey>(IReadOnlyList<IReadOnlyList<TKey>> rankings, int k = DefaultK)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        var scores = new Dictionary<TKey, (double Score, int FirstSeen)>();
        var seenInRanking = new HashSet<TKey>();
        foreach (var ranking in rankings)
        {
            ArgumentNullException.ThrowIfNull(ranking, nameof(rankings));
            seenInRanking.Clear();
            for (var i = 0; i < ranking.Count; i++)
            {
                var key = ranking[i];
                if (!seenInRanking.Add(key))
                {
                    continue;
                }

                var contribution = 1.0 / (k + i + 1);
                scores[key] = scores.TryGetValue(key, out var entry)
                    ? (entry.Score + contribution, entry.FirstSeen)
                    : (contribution, scores.Count);
            }
        }

        return scores
            .OrderByDescending(entry => entry.Value.Score)
            .ThenBy(entry => entry.Value.FirstSeen)
            .Select(entry => (entry.Key, entry.Value.Score))
            .ToList();
    }
}
