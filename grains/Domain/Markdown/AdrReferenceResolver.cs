using System.Globalization;
using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Resolves a mention of another ADR to its number in the imported folder: by the linked file name, by the number in
/// a file name or id ("0015-dns.md", "ADR-0019", "ADR #0033", "9. Help scripts"), or by a log4brains slug.
/// </summary>
internal sealed partial class AdrReferenceResolver
{
    private readonly Dictionary<string, int> byFileName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> byStem = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> numbers = [];

    public AdrReferenceResolver(IEnumerable<(AdrFileName Name, int Number)> adrs)
    {
        foreach (var (name, number) in adrs)
        {
            byFileName.TryAdd(name.Name, number);
            byStem.TryAdd(name.Stem, number);
            numbers.Add(number);
        }
    }

    /// <summary>The number the reference names, or null with the reason it names no ADR of the folder.</summary>
    public int? Resolve(AdrReference reference, out string? reason)
    {
        reason = null;
        if (reference.Target is { } target && LinkPhrases.IsLocalMarkdownTarget(target))
        {
            var fileName = LinkPhrases.FileNameOfTarget(target);
            if (byFileName.TryGetValue(fileName, out var byName))
            {
                return byName;
            }

            var parsed = AdrFileName.Parse(fileName);
            if (parsed.Number is { } fileNumber)
            {
                return InFolder(fileNumber, out reason);
            }

            if (byStem.TryGetValue(parsed.Stem, out var bySlug))
            {
                return bySlug;
            }
        }

        var text = reference.Text.Trim().Trim('`', '*', '_', '"', '\'');
        if (byStem.TryGetValue(text, out var stem) || byFileName.TryGetValue(text, out stem))
        {
            return stem;
        }

        var number = NumberInText().Match(text);
        if (number.Success)
        {
            return InFolder(int.Parse(number.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture), out reason);
        }

        reason = reference.Target is { } missing
            ? $"the link target \"{missing}\" is not an ADR file of the folder"
            : $"\"{reference.Text}\" does not name an ADR of the folder";
        return null;
    }

    private int? InFolder(int number, out string? reason)
    {
        reason = numbers.Contains(number) ? null : $"ADR {AdrId.Format(number)} is not in the folder";
        return reason is null ? number : null;
    }

    [GeneratedRegex(@"^(?:ADR[\s\-_]{0,3})?\#?\s{0,2}(?<n>\d{1,6})(?!\d)(?=$|[\s.:)\]\-–—_])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberInText();
}
