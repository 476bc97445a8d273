using System.Globalization;
using System.Text;

namespace AdrPlatform.Domain.Markdown;

/// <summary>The exported file name "0007-use-postgres-for-storage.md": the number with at least 4 digits and an ASCII slug of the title.</summary>
internal static class AdrFileSlug
{
    private const int MaxSlugLength = 60;

    public static string FileName(int number, string title) =>
        string.Create(CultureInfo.InvariantCulture, $"{number:D4}-{Slug(title)}.md");

    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (Folded(c) is { } ascii)
            {
                slug.Append(ascii);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > MaxSlugLength)
        {
            var cut = text.LastIndexOf('-', MaxSlugLength);
            text = text[..(cut > 0 ? cut : MaxSlugLength)].Trim('-');
        }

        return text.Length > 0 ? text : "adr";
    }

    /// <summary>ASCII for common accented Latin letters (globalization is invariant, so Unicode decomposition is not available).</summary>
    private static string? Folded(char c)
    {
        var index = Accented.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
        return index >= 0 ? Plain[index].ToString() : c switch
        {
            'ß' => "ss",
            'æ' or 'Æ' => "ae",
            'œ' or 'Œ' => "oe",
            _ => null,
        };
    }

    private const string Accented = "àáâãäåāăąçćčďđèéêëēęěìíîïīłñńňòóôõöøōőŕřśšşťùúûüūůűýÿźżž";
    private const string Plain = "aaaaaaaaacccddeeeeeeeiiiiilnnnoooooooorrssstuuuuuuuyyzzz";
}
