using System.Text;

namespace AdrPlatform.Domain.Documents;

/// <summary>Clean-up applied to all text extracted from documents.</summary>
public static class DocumentText
{
    /// <summary>
    /// NFC text with "\n" line breaks, control and invisible formatting characters removed, runs of spaces and tabs
    /// collapsed to one space, lines trimmed and runs of blank lines reduced to one.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var clean = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        var pendingLineBreaks = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '\r' && i + 1 < normalized.Length && normalized[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029')
            {
                pendingLineBreaks++;
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }
            else if (!char.IsControl(c) && !IsInvisible(c))
            {
                if (clean.Length > 0 && pendingLineBreaks > 0)
                {
                    clean.Append(pendingLineBreaks > 1 ? "\n\n" : "\n");
                }
                else if (clean.Length > 0 && pendingSpace)
                {
                    clean.Append(' ');
                }

                pendingLineBreaks = 0;
                pendingSpace = false;
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>The clean text on one line, for headings and titles.</summary>
    public static string CleanLine(string text) => Clean(text).Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>
    /// The lines of a laid-out paragraph (a PDF text block) as one line: words hyphenated across a line end are joined
    /// ("alter-" + "natives" → "alternatives"), other lines are joined with a space.
    /// </summary>
    public static string Reflow(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                var hyphen = LineEndHyphen(text);
                if (hyphen == LineEndHyphenKind.BreaksWord && char.IsLower(line[0]))
                {
                    text.Length--;
                }
                else if (hyphen == LineEndHyphenKind.None || !char.IsLetter(line[0]))
                {
                    text.Append(' ');
                }
            }

            text.Append(line);
        }

        return text.ToString();
    }

    /// <summary>Whether the text ends with a letter and a hyphen, and if so whether the word is already hyphenated ("state-of-the-" keeps its hyphen).</summary>
    private static LineEndHyphenKind LineEndHyphen(StringBuilder text)
    {
        if (text.Length < 2 || text[^1] != '-' || !char.IsLetter(text[^2]))
        {
            return LineEndHyphenKind.None;
        }

        for (var i = text.Length - 2; i >= 0 && !char.IsWhiteSpace(text[i]); i--)
        {
            if (text[i] == '-')
            {
                return LineEndHyphenKind.InCompound;
            }
        }

        return LineEndHyphenKind.BreaksWord;
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF';
}
