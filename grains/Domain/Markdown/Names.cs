using System.Text;

namespace AdrPlatform.Domain.Markdown;

/// <summary>Splits the free-text lists found in ADR metadata ("Deciders: A, B (a.k.a., C)", "Tags: x, y").</summary>
internal static class Names
{
    /// <summary>Comma-separated names; commas inside parentheses or brackets do not split ("Rob (a.k.a., PM)").</summary>
    public static IEnumerable<string> SplitPeople(string text)
    {
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            depth += c is '(' or '[' ? 1 : c is ')' or ']' && depth > 0 ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                if (current.ToString().Trim() is { Length: > 0 } name)
                {
                    yield return name;
                }

                current.Clear();
                continue;
            }

            current.Append(c);
        }

        if (current.ToString().Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    public static IEnumerable<string> SplitCommas(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Tags of a front matter list keep inner spaces ("nist sp 800-171"); a "- Tags:" line is split on commas and
    /// also on spaces, as log4brains documents ("space and/or comma separated").
    /// </summary>
    public static IEnumerable<string> SplitTags(string text, bool allowSpaces) =>
        allowSpaces
            ? SplitCommas(text)
            : text.Split([',', ' ', '\t'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
