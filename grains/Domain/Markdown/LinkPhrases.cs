using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Finds link phrases in text: "supersedes X", "superseded by X", "amends X", "amended by X", "relates to X", where X is
/// a markdown link ("[9. Help scripts](0009-help-scripts.md)"), an id ("ADR-0019", "ADR #0033", "adr0008"), or, where
/// loose references are allowed, "[0003]", "#33", a file name, a log4brains slug or a bare number.
/// </summary>
internal static partial class LinkPhrases
{
    /// <param name="markdownLinksOnly">Prose mode: only a markdown link to a local .md file counts as a reference.</param>
    public static List<(LinkVerb Verb, AdrReference Reference)> Scan(string text, bool markdownLinksOnly)
    {
        var found = new List<(LinkVerb, AdrReference)>();
        foreach (Match verb in Verb().Matches(text))
        {
            var kind = ParseVerb(verb.Value);
            var position = verb.Index + verb.Length;
            var lead = Lead().Match(text, position);
            var reference = Read(text, position + lead.Length, markdownLinksOnly ? RefKinds.LocalLink : RefKinds.All, out var length);
            while (reference is not null)
            {
                found.Add((kind, reference));
                position += lead.Length + length;
                lead = Continuation().Match(text, position);
                reference = lead.Success
                    ? Read(text, position + lead.Length, markdownLinksOnly ? RefKinds.LocalLink : RefKinds.All, out length)
                    : null;
            }
        }

        return found;
    }

    /// <summary>True when the text (e.g. a list item of a "## Links" section) is just link phrases and nothing else.</summary>
    public static bool IsOnlyLinkPhrases(string text)
    {
        var start = Verb().Match(text);
        if (!start.Success || start.Index != 0)
        {
            return false;
        }

        var rest = Verb().Replace(text, " ");
        rest = LinkOrId().Replace(rest, " ");
        rest = Loose().Replace(rest, " ");
        return StrayWords().Replace(rest, string.Empty).Length == 0;
    }

    /// <summary>A whole front-matter value as one reference ("ADR-0007", "7", "0007-foo.md", "[x](0007-foo.md)", a slug), or null.</summary>
    public static AdrReference? ParseDeclared(string text)
    {
        var trimmed = text.Trim();
        var reference = Read(trimmed, 0, RefKinds.All, out var length);
        return reference is not null && length == trimmed.Length ? reference : null;
    }

    public static LinkVerb ParseVerb(string verb)
    {
        var words = string.Join(' ', verb.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return words switch
        {
            "SUPERSEDES" => LinkVerb.Supersedes,
            "SUPERSEDED BY" => LinkVerb.SupersededBy,
            "AMENDS" => LinkVerb.Amends,
            "AMENDED BY" => LinkVerb.AmendedBy,
            _ => LinkVerb.RelatesTo,
        };
    }

    public static bool IsLocalMarkdownTarget(string target)
    {
        var path = PathOfTarget(target);
        return path.Length > 0
            && !target.Contains("://", StringComparison.Ordinal)
            && !target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            && AdrFileName.IsMarkdown(path);
    }

    /// <summary>The file name a link target points at: no angle brackets, fragment, query or folders; %-escapes decoded.</summary>
    public static string FileNameOfTarget(string target)
    {
        var path = PathOfTarget(target);
        var name = path[(path.LastIndexOf('/') + 1)..];
        try
        {
            return Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    private static string PathOfTarget(string target)
    {
        var path = target.Trim().TrimStart('<').TrimEnd('>');
        var cut = path.IndexOfAny(['#', '?']);
        return cut >= 0 ? path[..cut] : path;
    }

    private static AdrReference? Read(string text, int start, RefKinds kinds, out int length)
    {
        length = 0;
        if (start >= text.Length)
        {
            return null;
        }

        var link = MarkdownLink().Match(text, start);
        if (link.Success)
        {
            var target = link.Groups["target"].Value;
            if (kinds == RefKinds.LocalLink && !IsLocalMarkdownTarget(target))
            {
                return null;
            }

            length = link.Length;
            return new AdrReference(link.Groups["text"].Value.Trim(), target);
        }

        if (kinds == RefKinds.LocalLink)
        {
            return null;
        }

        var id = Id().Match(text, start);
        if (id.Success)
        {
            length = id.Length;
            return new AdrReference(id.Value, null);
        }

        var loose = AnchoredLoose().Match(text, start);
        if (!loose.Success)
        {
            return null;
        }

        length = loose.Length;
        var value = loose.Groups["text"].Value;
        return new AdrReference(value, AdrFileName.IsMarkdown(value) ? value : null);
    }

    private enum RefKinds
    {
        All,
        LocalLink,
    }

    [GeneratedRegex(@"(?<![\w-])(?:superseded\s{1,10}by|supersedes|amended\s{1,10}by|amends|relates\s{1,10}to|related\s{1,10}to|refined\s{1,10}by|refines)(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    [GeneratedRegex(@"\G[\s*_:]{0,40}", RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    [GeneratedRegex(@"\G[\s*_]{0,20}(?:,|&|\band\b)[\s*_]{0,20}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\G\[(?<text>[^\[\]\n]{0,500})\]\((?<target><[^>\n]{0,1000}>|[^)\s]{0,1000})(?:[ \t]{1,10}""[^""\n]{0,500}"")?\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\GADR[\s\-_]{0,3}(?:\#\s{0,2})?\d{1,9}(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Id();

    [GeneratedRegex(@"\G(?:\[(?<text>\d{1,9})\](?!\()|(?<text>[\w.\-]{1,300}\.(?:md|markdown))|(?<text>\d{8}-[A-Za-z0-9][\w\-]{0,300})|\#(?<text>\d{1,9})|(?<text>\d{1,9}))(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnchoredLoose();

    [GeneratedRegex(@"\[[^\[\]\n]{0,500}\]\([^)\s]{0,1000}(?:[ \t]{1,10}""[^""\n]{0,500}"")?\)|ADR[\s\-_]{0,3}(?:\#\s{0,2})?\d{1,9}(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkOrId();

    [GeneratedRegex(@"\[\d{1,9}\]|[\w.\-]{1,300}\.(?:md|markdown)|\d{8}-[A-Za-z0-9][\w\-]{0,300}|\#\d{1,9}|(?<![\w-])\d{1,9}(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Loose();

    [GeneratedRegex(@"[\s*_:,;.&]|\band\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StrayWords();
}
