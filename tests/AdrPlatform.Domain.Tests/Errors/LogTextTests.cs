using AdrPlatform.Errors;

namespace AdrPlatform.Domain.Tests.Errors;

public class LogTextTests
{
    [Theory]
    [InlineData("a\r\nforged: line", "a\\u000D\\u000Aforged: line")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("nul\0", "nul\\u0000")]
    [InlineData("del\u007F c1\u0085", "del\\u007F c1\\u0085")]
    [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
    [InlineData("\u202Egnp.exe", "\\u202Egnp.exe")]
    [InlineData("iso\u2066late\u2069 mark\u200F", "iso\\u2066late\\u2069 mark\\u200F")]
    public void Control_separator_and_bidi_characters_become_visible_escapes(string raw, string escaped) =>
        Assert.Equal(escaped, LogText.Escape(raw));

    [Theory]
    [InlineData("text/markdown")]
    [InlineData("Ünïcödé tîtle — 日本語")]
    [InlineData("")]
    public void Ordinary_text_is_returned_as_it_is(string text) => Assert.Same(text, LogText.Escape(text));

    [Fact]
    public void Null_is_empty() => Assert.Equal(string.Empty, LogText.Escape(null));

    [Fact]
    public void A_long_value_is_cut_with_an_ellipsis_after_escaping_what_is_kept()
    {
        Assert.Equal(new string('x', 64) + "…", LogText.Escape(new string('x', 1_000_000)));
        Assert.Equal("ab\\u000A…", LogText.Escape("ab\ncdef", 3));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var escaped = LogText.Escape("ab\U0001F600", 3);
        Assert.Equal("ab…", escaped);
    }

    [Fact]
    public void The_limit_must_be_positive() => Assert.Throws<ArgumentOutOfRangeException>(() => LogText.Escape("x", 0));
}
