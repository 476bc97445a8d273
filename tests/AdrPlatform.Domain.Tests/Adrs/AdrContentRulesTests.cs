using AdrPlatform.Domain;
using AdrPlatform.Errors;

namespace AdrPlatform.Domain.Tests.Adrs;

public class AdrContentRulesTests
{
    private static readonly AdrLimits Limits = AdrLimits.Default;

    [Fact]
    public void Title_is_trimmed() => Assert.Equal("Use Postgres", AdrContentRules.Title("  Use Postgres \t", Limits));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    [InlineData("nul\0inside")]
    public void Bad_titles_are_refused(string title) =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<AdrPlatformException>(() => AdrContentRules.Title(title, Limits)).Kind);

    [Fact]
    public void Oversized_title_says_the_limit()
    {
        var error = Assert.Throws<AdrPlatformException>(() => AdrContentRules.Title(new string('x', 301), Limits));
        Assert.Contains("at most 300", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_line_endings_are_normalised_and_the_end_trimmed() =>
        Assert.Equal("a\nb\n\nc", AdrContentRules.Body("a\r\nb\r\n\r\nc\r\n\n  ", Limits));

    [Fact]
    public void Oversized_body_is_refused() =>
        Assert.Throws<AdrPlatformException>(() => AdrContentRules.Body(new string('x', Limits.MaxBodyLength + 1), Limits));

    [Fact]
    public void Tags_are_lower_cased_and_deduplicated_in_order() =>
        Assert.Equal<string>(["database", "cloud native"], AdrContentRules.Tags(["Database", " cloud native ", "DATABASE"], Limits));

    [Theory]
    [InlineData("")]
    [InlineData("semi;colon")]
    [InlineData("quote'")]
    [InlineData("<script>")]
    public void Bad_tags_are_refused(string tag) =>
        Assert.Throws<AdrPlatformException>(() => AdrContentRules.Tags([tag], Limits));

    [Fact]
    public void Too_many_tags_are_refused() =>
        Assert.Throws<AdrPlatformException>(() => AdrContentRules.Tags(Enumerable.Range(0, 51).Select(i => $"t{i}"), Limits));

    [Fact]
    public void Duplicate_tags_count_against_the_limit_as_sent()
    {
        var error = Assert.Throws<AdrPlatformException>(() => AdrContentRules.Tags(Enumerable.Repeat("same", 100_000), Limits));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("100000 tags given; at most 50 are allowed.", error.Message);
    }

    [Fact]
    public void Duplicate_deciders_count_against_the_limit_as_sent() =>
        Assert.Equal(
            "51 deciders given; at most 50 are allowed.",
            Assert.Throws<AdrPlatformException>(() => AdrContentRules.Deciders(Enumerable.Repeat("Ana", 51), Limits)).Message);

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("\uFEFF")]
    [InlineData("\u00AD")]
    [InlineData("\u0301\u0308")]
    [InlineData("\u202E")]
    [InlineData("\u2066 \u2069")]
    [InlineData("\u3164")]
    [InlineData("\u2800")]
    public void Titles_with_nothing_visible_are_refused(string text)
    {
        var error = Assert.Throws<AdrPlatformException>(() => AdrContentRules.Title(text, Limits));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("The title must have at least one visible character (a letter, number, punctuation or symbol).", error.Message);
    }

    [Theory]
    [InlineData("Use \u202Egpj.exe")]
    [InlineData("Pay \u2066admin\u2069 first")]
    [InlineData("\u202AEmbedded\u202C")]
    public void Titles_with_bidirectional_overrides_or_isolates_are_refused(string text) =>
        Assert.Equal(
            "The title must not contain bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069).",
            Assert.Throws<AdrPlatformException>(() => AdrContentRules.Title(text, Limits)).Message);

    [Theory]
    [InlineData("Café au lait")]
    [InlineData("Cafe\u0301 with a combining accent")]
    [InlineData("\u05D4\u05D7\u05DC\u05D8\u05D4\u200F (RTL with a mark)")]
    [InlineData("数据库选择")]
    [InlineData("\U0001F680")]
    [InlineData("#")]
    public void Titles_with_something_visible_are_kept(string text)
    {
        Assert.Equal(text, AdrContentRules.Title(text, Limits));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u00AD\u0301")]
    public void Deciders_with_nothing_visible_are_refused(string text) =>
        Assert.Equal(
            "Each decider must have at least one visible character (a letter, number, punctuation or symbol).",
            Assert.Throws<AdrPlatformException>(() => AdrContentRules.Deciders([text], Limits)).Message);

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u0301")]
    public void Tags_with_nothing_visible_are_refused(string text) =>
        Assert.Throws<AdrPlatformException>(() => AdrContentRules.Tags([text], Limits));
}
