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
}
