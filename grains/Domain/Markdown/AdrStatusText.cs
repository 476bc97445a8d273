using System.Text.RegularExpressions;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Maps the many ways ADR logs write a status to <see cref="AdrStatus"/>. "superseded" anywhere in the text wins
/// ("Partly superseded", "Superseded by [..]"); otherwise the first recognised word counts ("accepted; supersedes ADR-0045"
/// is accepted, "proposed. **This ADR did not reach consensus** ..." is proposed). Text with no recognised word is proposed.
/// The raw text is returned as a note whenever it is not exactly one canonical status word, so nothing is lost.
/// </summary>
internal static partial class AdrStatusText
{
    public static (AdrStatus Status, string? Note) Map(string raw)
    {
        var text = raw.Trim();
        var bare = text.Trim('"', '\'', '`', '*', '_', ' ', '\t');
        foreach (var status in Enum.GetValues<AdrStatus>())
        {
            if (bare.Equals(status.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return (status, null);
            }
        }

        if (Superseded().IsMatch(text))
        {
            return (AdrStatus.Superseded, text);
        }

        var first = Keyword().Match(text);
        if (!first.Success)
        {
            return (AdrStatus.Proposed, text);
        }

        var mapped = first.Groups["accepted"].Success ? AdrStatus.Accepted
            : first.Groups["rejected"].Success ? AdrStatus.Rejected
            : first.Groups["deprecated"].Success ? AdrStatus.Deprecated
            : AdrStatus.Proposed;
        return (mapped, text);
    }

    public static bool IsCanonical(string raw) => Map(raw).Note is null;

    [GeneratedRegex(@"(?<![\w-])superseded(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Superseded();

    [GeneratedRegex(
        @"(?<![\w-])(?:(?<accepted>accepted|approved|adopted|agreed|decided|implemented|active)|(?<rejected>rejected|declined|refused|withdrawn|abandoned)|(?<deprecated>deprecated|obsolete|retired|archived)|(?<proposed>proposed|pending|draft|on\s{1,5}hold|under\s{1,5}review|in\s{1,5}review|in\s{1,5}progress|wip|open|suggested))(?![\w-])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();
}
