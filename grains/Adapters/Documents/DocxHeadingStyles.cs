using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Which paragraph styles are headings. Style ids are localised ("berschrift1"), so the built-in style names
/// ("heading 1", "Title") and outline levels are what count; ids like "Heading1" are the fallback when a document has no styles part.
/// </summary>
internal sealed partial class DocxHeadingStyles
{
    public const int TitleLevel = 0;

    private readonly Dictionary<string, int> levelsByStyleId = new(StringComparer.OrdinalIgnoreCase);

    public DocxHeadingStyles(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && (LevelFromName(style.StyleName?.Val?.Value) ?? OutlineLevel(style.StyleParagraphProperties?.OutlineLevel)) is { } level)
            {
                levelsByStyleId[id] = level;
            }
        }
    }

    /// <summary>0 for the title, 1 to 9 for headings, null for body text.</summary>
    public int? Level(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var properties = paragraph.ParagraphProperties;
        if (OutlineLevel(properties?.OutlineLevel) is { } direct)
        {
            return direct;
        }

        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        if (styleId is null)
        {
            return null;
        }

        return levelsByStyleId.TryGetValue(styleId, out var level) ? level : LevelFromName(styleId);
    }

    private static int? LevelFromName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return TitleLevel;
        }

        var match = HeadingName().Match(name);
        return match.Success ? match.Groups[1].Value[0] - '0' : null;
    }

    // Outline level 9 means body text; 0 to 8 are heading levels 1 to 9.
    private static int? OutlineLevel(OutlineLevel? outlineLevel) =>
        outlineLevel?.Val?.Value is { } value and < 9 ? value + 1 : null;

    [GeneratedRegex(@"^heading\s?([1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingName();
}
