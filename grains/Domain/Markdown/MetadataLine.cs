using System.Globalization;
using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// A metadata line near the title: MADR 2.x / log4brains bullets ("* Status: accepted", "- Deciders: A, B",
/// "- Date: 2021-01-26", "- Tags: a b") and the adr-tools "Date: 2016-02-12" line. Bold keys ("**Status:**") are accepted.
/// </summary>
internal static partial class MetadataLine
{
    public static (string Key, string Value)? Match(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var value = HtmlComment().Replace(match.Groups["value"].Value, string.Empty).Trim();
        var key = match.Groups["key"].Value.ToUpperInvariant().Replace(' ', '-');
        return value.Length == 0 ? null : (key == "DECISION-MAKERS" ? "DECIDERS" : key, value);
    }

    /// <summary>Reads "2021-01-26" (also with a time after it); anything else is not a date.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var value = text.Trim().Trim('"', '\'');
        if (value.Length > 10 && value[10] is 'T' or 't' or ' ')
        {
            value = value[..10];
        }

        return DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    public static string WithoutHtmlComments(string text) => HtmlComment().Replace(text, string.Empty).Trim();

    [GeneratedRegex(
        @"^[ \t]{0,3}(?:[-*+][ \t]{1,4})?(?:\*\*|__)?(?<key>status|date|deciders|decision[- ]makers|tags)(?:\*\*|__)?[ \t]{0,4}:(?:\*\*|__)?[ \t]*(?:\*\*|__)?(?<value>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"<!--.{0,2000}?-->", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlComment();
}
