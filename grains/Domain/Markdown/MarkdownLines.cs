using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Markdown;

/// <summary>Line-level markdown facts: which lines are inside fenced code, and which are ATX headings.</summary>
internal static partial class MarkdownLines
{
    /// <summary>Marks the lines inside fenced code blocks (``` or ~~~), the fence lines included.</summary>
    public static bool[] CodeLines(IReadOnlyList<string> lines)
    {
        var code = new bool[lines.Count];
        char fenceChar = default;
        var fenceLength = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (fenceLength == 0)
            {
                if (fence.Success && (fence.Groups["fence"].Value[0] == '~' || !fence.Groups["info"].Value.Contains('`', StringComparison.Ordinal)))
                {
                    fenceChar = fence.Groups["fence"].Value[0];
                    fenceLength = fence.Groups["fence"].Length;
                    code[i] = true;
                }

                continue;
            }

            code[i] = true;
            if (fence.Success && fence.Groups["fence"].Value[0] == fenceChar && fence.Groups["fence"].Length >= fenceLength
                && fence.Groups["info"].Value.Trim().Length == 0)
            {
                fenceLength = 0;
            }
        }

        return code;
    }

    /// <summary>The level (1-6) and text of an ATX heading line, or null; a closing run of '#' is removed as CommonMark does.</summary>
    public static (int Level, string Text)? Heading(string line)
    {
        var match = AtxHeading().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var text = WithoutClosingSequence(match.Groups["text"].Value.TrimEnd(' ', '\t')).Trim();
        return (match.Groups["hashes"].Length, text);
    }

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    /// <summary>True when a heading text would lose its end to CommonMark's closing-sequence rule ("Foo #").</summary>
    public static bool EndsLikeClosingSequence(string text) => WithoutClosingSequence(text.TrimEnd(' ', '\t')).Length != text.TrimEnd(' ', '\t').Length;

    /// <summary>Removes a final run of '#' that is the whole text or follows a space or tab (CommonMark's closing sequence).</summary>
    private static string WithoutClosingSequence(string text)
    {
        var start = text.Length;
        while (start > 0 && text[start - 1] == '#')
        {
            start--;
        }

        return start == text.Length ? text
            : start == 0 ? string.Empty
            : text[start - 1] is ' ' or '\t' ? text[..start].TrimEnd(' ', '\t')
            : text;
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:[ \t]+(?<text>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();
}
