using System.Text;
using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Chat;

/// <summary>
/// The system prompt that hands retrieved passages to a model, in one fixed layout every provider
/// receives; the built-in local provider reads the passages back from the same text.
/// </summary>
public static partial class GroundingPrompt
{
    private const string Instructions =
        "You answer questions about this team's Architecture Decision Records. Use only the passages below. " +
        "Cite every ADR or document you use by the label its passage starts with, e.g. [ADR-0007] or [DOC-j0123456789abcdef01234567]. " +
        "If the passages do not answer the question, say so.";

    private const string PassageStart = "<<passage ";
    private const string PassageEnd = "<<end>>";

    public static string Render(IReadOnlyList<GroundingPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var prompt = new StringBuilder(Instructions).Append("\n\n");
        foreach (var passage in passages)
        {
            prompt.Append(PassageStart).Append(passage.Label).Append(">> ").Append(OneLine(passage.Title));
            if (passage.Section.Length > 0)
            {
                prompt.Append(" — ").Append(OneLine(passage.Section));
            }

            prompt.Append('\n').Append(passage.Text.Replace(PassageEnd, "<< end >>", StringComparison.Ordinal).Trim()).Append('\n').Append(PassageEnd).Append("\n\n");
        }

        return prompt.ToString().TrimEnd();
    }

    public static IReadOnlyList<GroundingPassage> Parse(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return [.. Passage().Matches(prompt).Select(m => new GroundingPassage(
            m.Groups["id"].Value,
            m.Groups["title"].Value,
            m.Groups["section"].Success ? m.Groups["section"].Value : string.Empty,
            m.Groups["text"].Value.Trim()))];
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    [GeneratedRegex(@"<<passage (?<id>ADR-\d{4,7}|DOC-j[0-9a-f]{24})>> (?<title>[^\n]*?)(?: — (?<section>[^\n]*))?\n(?<text>.*?)\n<<end>>", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Passage();
}
