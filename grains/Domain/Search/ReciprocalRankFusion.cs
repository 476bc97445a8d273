namespace AdrPlatform.Domain.Search;

public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    /// <summary>
    /// score(d) = sum over the rankings r containing d of w_r / (k + rank_r(d)), ranks starting at 1, each ranking's
    /// weight w_r 1 unless <paramref name="weights"/> gives it. Highest first; equal scores keep the order in which keys
    /// first appear (rankings in order, each from its top). A key repeated within one ranking counts at its best rank only.
    /// </summary>
    public static IReadOnlyList<(TKey Key, double Score)> Fuse<TKey>(
        IReadOnlyList<IReadOnlyList<TKey>> rankings, int k = DefaultK, IReadOnlyList<double>? weights = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (weights is not null && (weights.Count != rankings.Count || weights.Any(w => !(w >= 0))))
        {
            throw new ArgumentException("Give one weight, not negative, per ranking.", nameof(weights));
        }

        var scores = new Dictionary<TKey, (double Score, int FirstSeen)>();
        var seenInRanking = new HashSet<TKey>();
        for (var r = 0; r < rankings.Count; r++)
        {
            var ranking = rankings[r];
            var weight = weights?[r] ?? 1.0;
            ArgumentNullException.ThrowIfNull(ranking, nameof(rankings));
            seenInRanking.Clear();
            for (var i = 0; i < ranking.Count; i++)
            {
                var key = ranking[i];
                if (!seenInRanking.Add(key))
                {
                    continue;
                }

                var contribution = weight / (k + i + 1);
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
