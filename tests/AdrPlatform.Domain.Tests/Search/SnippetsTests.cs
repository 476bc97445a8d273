using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Tests.Search;

public class SnippetsTests
{
    private static readonly string Filler = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Filler sentence number {i} says nothing."));

    [Fact]
    public void A_short_text_is_returned_whole_with_its_matches_highlighted()
    {
        var snippet = Make("We chose PostgreSQL for storage; postgresql is boring.", ["postgresql"]);

        Assert.Equal("We chose PostgreSQL for storage; postgresql is boring.", snippet.Text);
        Assert.Equal<Highlight>([new Highlight(9, 10), new Highlight(33, 10)], snippet.Highlights);
    }

    [Fact]
    public void Whitespace_is_collapsed_before_positions_are_computed()
    {
        var snippet = Make("  Use\n\n   the\tcache\r\n layer.  ", ["cache"]);

        Assert.Equal("Use the cache layer.", snippet.Text);
        Assert.Equal<Highlight>([new Highlight(8, 5)], snippet.Highlights);
    }

    [Fact]
    public void Picks_the_window_with_the_most_distinct_terms()
    {
        var text = $"Postgres is mentioned here. {Filler} Later postgres streaming replication is chosen. {Filler} Postgres again.";
        var snippet = Make(text, ["postgres", "replication"], 120);

        Assert.Contains("postgres streaming replication", snippet.Text, StringComparison.Ordinal);
        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.InRange(snippet.Text.Length, 2, 122);
        Assert.Equal(2, snippet.Highlights.Count);
        AssertCutAtWordBoundaries(text, snippet);
    }

    [Fact]
    public void Matches_whole_words_only_and_ignores_case()
    {
        var snippet = Make("POSTGRES, postgresql and post-processing in Postgres.", ["Postgres", "post"]);

        Assert.Equal(3, snippet.Highlights.Count);
        Assert.Equal<string>(["POSTGRES", "post", "Postgres"], snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList());
    }

    [Fact]
    public void Query_phrases_are_split_into_terms()
    {
        var snippet = Make("Choose the Event Store for auditing.", ["event store", "the"]);
        Assert.Equal<string>(["Event", "Store"], snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList());
    }

    [Fact]
    public void Finds_terms_in_other_scripts()
    {
        var snippet = Make("我们 使用 数据库 。 Die Datenbank-Migration läuft.", ["数据库", "migration"]);
        Assert.Equal<string>(["数据库", "Migration"], snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList());
    }

    [Fact]
    public void Without_matches_the_snippet_is_the_start_of_the_text()
    {
        var text = $"Opening words come first. {Filler}";
        var snippet = Make(text, ["kubernetes"], 100);

        Assert.StartsWith("Opening words come first.", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.True(snippet.Text.Length <= 101);
        Assert.Empty(snippet.Highlights);
        AssertCutAtWordBoundaries(text, snippet);
    }

    [Fact]
    public void No_terms_give_the_start_of_the_text()
    {
        var snippet = Make("Short text.", []);
        Assert.Equal(new Snippet("Short text.", []).Text, snippet.Text);
        Assert.Empty(snippet.Highlights);
    }

    [Fact]
    public void A_match_near_the_end_fills_the_window_backwards()
    {
        var text = $"{Filler} The final decision is caching.";
        var snippet = Make(text, ["caching"], 80);

        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("caching.", snippet.Text, StringComparison.Ordinal);
        Assert.True(snippet.Text.Length > 60, snippet.Text);
        AssertCutAtWordBoundaries(text, snippet);
    }

    [Fact]
    public void Every_occurrence_inside_the_window_is_highlighted()
    {
        var snippet = Make("cache miss, cache hit, cache eviction", ["cache", "eviction"]);
        Assert.Equal(4, snippet.Highlights.Count);
    }

    [Fact]
    public void Empty_text_gives_an_empty_snippet()
    {
        var snippet = Snippets.Make(string.Empty, ["x"]);
        Assert.Equal(string.Empty, snippet.Text);
        Assert.Empty(snippet.Highlights);
    }

    [Fact]
    public void Max_chars_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Snippets.Make("text", ["text"], 0));

    /// <summary>Makes a snippet and checks each highlight covers exactly one word with the stem of a query term.</summary>
    private static Snippet Make(string text, IReadOnlyCollection<string> terms, int maxChars = 240)
    {
        var snippet = Snippets.Make(text, terms, maxChars);
        var wanted = terms.SelectMany(t => SearchText.Terms(t)).ToHashSet(StringComparer.Ordinal);
        Assert.All(snippet.Highlights, h => Assert.Contains(Assert.Single(SearchText.Terms(snippet.Text.Substring(h.Start, h.Length))), wanted));
        var previousEnd = 0;
        foreach (var highlight in snippet.Highlights)
        {
            Assert.True(highlight.Start >= previousEnd, "highlights are ordered and disjoint");
            previousEnd = highlight.Start + highlight.Length;
        }

        return snippet;
    }

    private static void AssertCutAtWordBoundaries(string original, Snippet snippet)
    {
        var collapsed = string.Join(' ', original.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var inner = snippet.Text;
        var cutStart = inner.StartsWith('…');
        var cutEnd = inner.EndsWith('…');
        inner = inner[(cutStart ? 1 : 0)..(inner.Length - (cutEnd ? 1 : 0))];
        var at = collapsed.IndexOf(inner, StringComparison.Ordinal);
        Assert.True(at >= 0, "snippet is a window of the collapsed text");
        Assert.Equal(cutStart, at > 0);
        Assert.Equal(cutEnd, at + inner.Length < collapsed.Length);
        Assert.True(at == 0 || collapsed[at - 1] == ' ', "starts at a word");
        Assert.True(at + inner.Length == collapsed.Length || collapsed[at + inner.Length] == ' ', "ends at a word");
    }
}
