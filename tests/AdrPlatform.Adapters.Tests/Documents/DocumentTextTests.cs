using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Tests.Documents;

public class DocumentTextTests
{
    [Theory]
    [InlineData("  a \t b  ", "a b")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    [InlineData("a\n \n\n\t\nb", "a\n\nb")]
    [InlineData("con\u00ADtrol\u0000 char\u001Bs\uFEFF", "control chars")]
    [InlineData("no\u00A0break\u2003space", "no break space")]
    [InlineData("\n\nkept\n\n", "kept")]
    public void Text_is_cleaned(string raw, string expected) => Assert.Equal(expected, DocumentText.Clean(raw));

    [Fact]
    public void Clean_line_puts_everything_on_one_line() => Assert.Equal("a b c", DocumentText.CleanLine("a\n\nb\nc"));

    [Theory]
    [InlineData(new[] { "The evalu-", "ation took a week." }, "The evaluation took a week.")]
    [InlineData(new[] { "a state-of-the-", "art system" }, "a state-of-the-art system")]
    [InlineData(new[] { "see the Kafka-", "Streams API" }, "see the Kafka-Streams API")]
    [InlineData(new[] { "a list -", "item" }, "a list - item")]
    [InlineData(new[] { "one", "", "two" }, "one two")]
    public void Laid_out_lines_are_reflowed(string[] lines, string expected) => Assert.Equal(expected, DocumentText.Reflow(lines));
}
