using AdrPlatform.Adapters.InMemory;
using System.Diagnostics;
using AdrPlatform.Domain.Search;

namespace AdrPlatform.Adapters.Tests.Search;

public class Bm25IndexTests
{
    [Fact]
    public void Scores_follow_the_okapi_formula()
    {
        var index = new Bm25Index<int>();
        index.Upsert(1, "alpha beta");
        index.Upsert(2, "gamma delta");

        // N = 2, df = 1: idf = ln(1 + 1.5 / 1.5) = ln 2; tf = 1 and |d| = avgdl, so the tf part is 2.2 / 2.2.
        var hit = Assert.Single(index.Search("alpha", 10));
        Assert.Equal(1, hit.Key);
        Assert.Equal(Math.Log(2), hit.Score, 12);
    }

    [Fact]
    public void A_document_matching_a_rarer_term_ranks_higher()
    {
        var index = new Bm25Index<string>();
        index.Upsert("rare", "kubernetes deployment");
        index.Upsert("common1", "database deployment");
        index.Upsert("common2", "database choice");
        index.Upsert("common3", "database backup");

        var results = index.Search("kubernetes database", 10);

        Assert.Equal("rare", results[0].Key);
        Assert.Equal(4, results.Count);
        Assert.True(results[0].Score > results[1].Score);
    }

    [Fact]
    public void Longer_documents_are_penalised()
    {
        var index = new Bm25Index<string>();
        index.Upsert("short", "postgres decision");
        index.Upsert("long", "postgres " + string.Join(' ', Enumerable.Range(0, 50).Select(i => $"filler{i}")));
        index.Upsert("other", "unrelated words");

        var results = index.Search("postgres", 10);

        Assert.Equal<string>(["short", "long"], results.Select(r => r.Key).ToList());
        Assert.True(results[0].Score > results[1].Score);
    }

    [Fact]
    public void More_occurrences_score_higher()
    {
        var index = new Bm25Index<string>();
        index.Upsert("once", "cache layer design notes");
        index.Upsert("thrice", "cache cache cache notes");
        index.Upsert("none", "nothing relevant here");

        Assert.Equal("thrice", index.Search("cache", 10)[0].Key);
    }

    [Fact]
    public void Only_documents_matching_a_query_term_are_returned()
    {
        var index = new Bm25Index<int>();
        index.Upsert(1, "event sourcing");
        index.Upsert(2, "message queue");

        Assert.Equal<int>([1], index.Search("sourcing of events", 10).Select(r => r.Key).ToList());
        Assert.Empty(index.Search("the and of", 10));
        Assert.Empty(index.Search(string.Empty, 10));
        Assert.Empty(index.Search("graphql", 10));
    }

    [Fact]
    public void Upsert_replaces_the_document()
    {
        var index = new Bm25Index<int>();
        index.Upsert(1, "postgres");
        index.Upsert(2, "other text");
        index.Upsert(1, "mysql");

        Assert.Equal(2, index.Count);
        Assert.Empty(index.Search("postgres", 10));
        Assert.Equal(1, Assert.Single(index.Search("mysql", 10)).Key);
    }

    [Fact]
    public void Remove_forgets_the_document()
    {
        var index = new Bm25Index<int>();
        index.Upsert(1, "postgres replication");
        index.Upsert(2, "postgres backup");

        Assert.True(index.Remove(1));
        Assert.False(index.Remove(1));
        Assert.False(index.Remove(99));
        Assert.Equal(1, index.Count);
        Assert.Empty(index.Search("replication", 10));
        Assert.Equal(2, Assert.Single(index.Search("postgres", 10)).Key);
    }

    [Fact]
    public void Removing_everything_leaves_an_empty_index_that_still_works()
    {
        var index = new Bm25Index<int>();
        index.Upsert(1, "alpha");
        index.Remove(1);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search("alpha", 10));
        index.Upsert(2, "alpha");
        Assert.Equal(2, Assert.Single(index.Search("alpha", 10)).Key);
    }

    [Fact]
    public void The_filter_is_applied_before_the_limit()
    {
        var index = new Bm25Index<int>();
        for (var i = 1; i <= 10; i++)
        {
            index.Upsert(i, i <= 5 ? "decision decision decision" : "decision");
        }

        var results = index.Search("decision", 3, key => key > 5);

        Assert.Equal<int>([6, 7, 8], results.Select(r => r.Key).ToList());
    }

    [Fact]
    public void Equal_scores_are_ordered_by_key()
    {
        var index = new Bm25Index<string>();
        foreach (var key in new[] { "tenant-b/7", "tenant-a/9", "tenant-a/10", "tenant-a/2" })
        {
            index.Upsert(key, "same text about caching");
        }

        index.Upsert("z-other", "unrelated");

        var results = index.Search("caching", 10);

        Assert.Equal<string>(["tenant-a/10", "tenant-a/2", "tenant-a/9", "tenant-b/7"], results.Select(r => r.Key).ToList());
        Assert.Single(results.Select(r => r.Score).Distinct());
        Assert.Equal<string>(["tenant-a/10", "tenant-a/2"], index.Search("caching", 2).Select(r => r.Key).ToList());
    }

    [Fact]
    public void The_limit_keeps_the_best()
    {
        var index = new Bm25Index<int>();
        for (var i = 1; i <= 20; i++)
        {
            index.Upsert(i, string.Join(' ', Enumerable.Repeat("topic", i)) + " " + string.Join(' ', Enumerable.Range(0, 20 - i).Select(j => $"pad{j}")));
        }

        var top = index.Search("topic", 3);
        Assert.Equal<int>([20, 19, 18], top.Select(r => r.Key).ToList());
        Assert.Empty(index.Search("topic", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search("topic", -1));
    }

    [Fact]
    public void Searching_ten_thousand_documents_is_fast()
    {
        var random = new Random(42);
        var vocabulary = Enumerable.Range(0, 5_000).Select(i => $"term{i}").ToArray();
        var index = new Bm25Index<int>();
        for (var doc = 0; doc < 10_000; doc++)
        {
            // Zipf-like skew so some terms are in thousands of documents.
            var words = Enumerable.Range(0, 80).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))]);
            index.Upsert(doc, string.Join(' ', words));
        }

        var queries = Enumerable.Range(0, 50).Select(i => $"{vocabulary[i % 10]} {vocabulary[i * 7]} {vocabulary[(i * 97) + 100]}").ToList();
        index.Search(queries[0], 10);
        var stopwatch = Stopwatch.StartNew();
        var matched = 0;
        foreach (var query in queries)
        {
            matched += index.Search(query, 10, key => key % 3 != 0).Count;
        }

        stopwatch.Stop();
        var perQuery = stopwatch.Elapsed.TotalMilliseconds / queries.Count;
        Assert.Equal(queries.Count * 10, matched);
        Assert.True(perQuery < 500, $"{perQuery:F1} ms per query");
    }
}
