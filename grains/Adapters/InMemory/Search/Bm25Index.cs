using AdrPlatform.Domain.Search;
namespace AdrPlatform.Adapters.InMemory;

/// <summary>
/// Okapi BM25 over <see cref="SearchText.Terms"/>, kept as an inverted index so a search touches only the
/// postings of the query terms. Not thread-safe: callers serialize access.
/// </summary>
public sealed class Bm25Index<TKey> where TKey : notnull
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    private readonly Dictionary<string, Dictionary<TKey, int>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<TKey, Bm25Document> _documents = [];
    private long _totalLength;

    public int Count => _documents.Count;

    public void Upsert(TKey key, string text)
    {
        Remove(key);

        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = SearchText.Terms(text);
        foreach (var term in terms)
        {
            frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
        }

        foreach (var (term, frequency) in frequencies)
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                postings = [];
                _postings.Add(term, postings);
            }

            postings[key] = frequency;
        }

        _documents[key] = new Bm25Document(terms.Count, [.. frequencies.Keys]);
        _totalLength += terms.Count;
    }

    public bool Remove(TKey key)
    {
        if (!_documents.Remove(key, out var document))
        {
            return false;
        }

        foreach (var term in document.DistinctTerms)
        {
            var postings = _postings[term];
            postings.Remove(key);
            if (postings.Count == 0)
            {
                _postings.Remove(term);
            }
        }

        _totalLength -= document.Length;
        return true;
    }

    public IReadOnlyList<(TKey Key, double Score)> Search(string query, int limit, Func<TKey, bool>? include = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || _documents.Count == 0)
        {
            return [];
        }

        var scores = new Dictionary<TKey, double>();
        var documentCount = (double)_documents.Count;
        var averageLength = (double)_totalLength / _documents.Count;
        foreach (var term in SearchText.Terms(query).Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            var idf = Math.Log(1 + ((documentCount - postings.Count + 0.5) / (postings.Count + 0.5)));
            foreach (var (key, frequency) in postings)
            {
                var lengthRatio = _documents[key].Length / averageLength;
                var score = idf * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * lengthRatio))));
                scores[key] = scores.GetValueOrDefault(key) + score;
            }
        }

        return Top(scores, limit, include);
    }

    private static List<(TKey Key, double Score)> Top(Dictionary<TKey, double> scores, int limit, Func<TKey, bool>? include)
    {
        var keyOrder = Comparer<TKey>.Default;
        // The heap's root is the weakest kept result: lowest score, and among equal scores the greatest key.
        var weakestFirst = Comparer<(double Score, TKey Key)>.Create((x, y) =>
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : keyOrder.Compare(y.Key, x.Key);
        });
        var kept = new PriorityQueue<TKey, (double Score, TKey Key)>(weakestFirst);
        foreach (var (key, score) in scores)
        {
            if (include is not null && !include(key))
            {
                continue;
            }

            if (kept.Count < limit)
            {
                kept.Enqueue(key, (score, key));
            }
            else if (kept.TryPeek(out _, out var weakest) && weakestFirst.Compare((score, key), weakest) > 0)
            {
                kept.DequeueEnqueue(key, (score, key));
            }
        }

        var results = new List<(TKey Key, double Score)>(kept.Count);
        while (kept.TryDequeue(out var key, out var priority))
        {
            results.Add((key, priority.Score));
        }

        results.Reverse();
        return results;
    }
}
