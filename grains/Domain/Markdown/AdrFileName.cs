using System.Globalization;
using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// What an ADR file name says: "0007-foo.md", "0007_foo.md", "adr-0007-foo.md", "ADR-0007.md" carry the number 7;
/// "20201016-foo.md" and "2020-10-16-foo.md" (log4brains and similar) carry a date and no number.
/// </summary>
internal sealed partial record AdrFileName(string Name, string Stem, int? Number, DateOnly? DatePrefix, string? NumberTooLarge)
{
    private static readonly string[] NotAdrNames = ["index", "readme", "template", "adr-template", "adr_template", "_template"];

    public static AdrFileName Parse(string name)
    {
        var stem = StemOf(name);
        var dashed = DashedDate().Match(stem);
        if (dashed.Success && TryDate(dashed.Groups["date"].Value, "yyyy-MM-dd", out var dashedDate))
        {
            return new AdrFileName(name, stem, null, dashedDate, null);
        }

        var numbered = LeadingNumber().Match(stem);
        if (!numbered.Success)
        {
            return new AdrFileName(name, stem, null, null, null);
        }

        var digits = numbered.Groups["digits"].Value;
        if (digits.Length == 8 && TryDate(digits, "yyyyMMdd", out var compactDate))
        {
            return new AdrFileName(name, stem, null, compactDate, null);
        }

        return digits.Length <= 6
            ? new AdrFileName(name, stem, int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), null, null)
            : new AdrFileName(name, stem, null, null, digits);
    }

    public static bool IsMarkdown(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>Index pages, READMEs and templates live beside ADRs but are not ADRs.</summary>
    public static bool IsNotAnAdr(string name) => NotAdrNames.Contains(StemOf(name), StringComparer.OrdinalIgnoreCase);

    public static string StemOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static bool TryDate(string text, string format, out DateOnly date) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 1970 and <= 2200;

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?=$|[-_ .])", RegexOptions.CultureInvariant)]
    private static partial Regex DashedDate();

    [GeneratedRegex(@"^(?:adr[-_ ]?)?(?<digits>\d+)(?=$|[-_ .])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNumber();
}
