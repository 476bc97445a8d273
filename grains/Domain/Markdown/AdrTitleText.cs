using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Turns an H1 text into the ADR title: strips a leading "N." / "ADR-N:" number and a leading link in brackets
/// ("[Superseded by [ADR-0019](0019-x.md)] Push metrics" is the title "Push metrics" and a link), and replaces tabs.
/// </summary>
internal static partial class AdrTitleText
{
    public static string Clean(string heading, List<(LinkVerb Verb, AdrReference Reference)> links)
    {
        var title = heading.Replace('\t', ' ').Trim();
        for (var pass = 0; pass < 2; pass++)
        {
            var bracket = BracketPrefix().Match(title);
            if (bracket.Success && LinkPhrases.IsOnlyLinkPhrases(bracket.Groups["inner"].Value.Trim()))
            {
                links.AddRange(LinkPhrases.Scan(bracket.Groups["inner"].Value, markdownLinksOnly: false));
                title = title[bracket.Length..];
            }

            var number = NumberPrefix().Match(title);
            if (number.Success)
            {
                title = title[number.Length..];
            }
        }

        return title.Trim();
    }

    /// <summary>True when importing "# <paramref name="title"/>" would give back a different title.</summary>
    public static bool WouldChange(string title) => Clean(title, []) != title;

    [GeneratedRegex(@"^\[(?<inner>(?:[^\[\]]|\[[^\[\]]{0,500}\]){0,1000})\][ \t]+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex BracketPrefix();

    [GeneratedRegex(@"^(?:ADR[\s\-_#]{0,3}\d{1,9}(?:\s{0,3}[:.\-–—)])?|\d{1,9}\s{0,3}[.:)])\s+(?=\S)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberPrefix();
}
