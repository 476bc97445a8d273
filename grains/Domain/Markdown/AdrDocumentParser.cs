using System.Globalization;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Reads one decoded ADR file of any supported format. Metadata is taken out of the text so the body is the decision itself:
/// front matter; metadata lines before the first heading after the title; the first "## Status" section (adr-tools / Nygard);
/// link lines of "## Links" sections ("- Supersedes [..](..)", log4brains). Everything else is kept as written; text before
/// the H1 (e.g. lint comments) is kept at the start of the body.
/// </summary>
internal sealed class AdrDocumentParser
{
    /// <summary>
    /// Written by the exporter right after the title when the body would otherwise be read as metadata (e.g. it starts with
    /// "- Status: ..." or has a "## Status" section): everything after this line is the body, verbatim.
    /// </summary>
    public const string VerbatimBodyMarker = "<!-- adr-body: verbatim -->";

    private readonly List<string> lines;
    private readonly int firstLineNumber;
    private readonly bool[] code;
    private readonly bool[] removed;
    private readonly List<LinkMention> mentions = [];
    private readonly List<string> problems = [];
    private readonly List<string> warnings = [];
    private readonly List<(string Where, string Text)> statuses = [];
    private readonly List<string> deciders = [];
    private readonly List<string> tags = [];
    private DateOnly? date;
    private int limit;
    private int marker = -1;

    private AdrDocumentParser(List<string> lines, int firstLineNumber)
    {
        this.lines = lines;
        this.firstLineNumber = firstLineNumber;
        code = MarkdownLines.CodeLines(lines);
        removed = new bool[lines.Count];
        limit = lines.Count;
    }

    public static ParsedAdrDocument Parse(string text, ImportLimits limits)
    {
        var all = text.Split('\n');
        var front = FrontMatterParser.Parse(all, limits, out var start, out var frontProblem);
        if (front is null)
        {
            return new ParsedAdrDocument(null, string.Empty, null, null, null, [], [], [], [frontProblem!], []);
        }

        return new AdrDocumentParser([.. all.Skip(start)], start + 1).Read(front);
    }

    private ParsedAdrDocument Read(FrontMatter front)
    {
        var h1 = FindHeading(0, level => level == 1);
        var heading = h1 >= 0 ? MarkdownLines.Heading(lines[h1])!.Value.Text : null;
        FindVerbatimMarker(h1);
        var preambleEnd = FindHeading(h1 + 1, _ => true);
        ReadMetadataLines(h1, preambleEnd < 0 ? limit : preambleEnd);
        ReadStatusSection();
        ReadLinksSections();
        ApplyFrontMatter(front);

        var titleLinks = new List<(LinkVerb, AdrReference)>();
        var title = ChooseTitle(heading, front.Title, titleLinks);
        mentions.AddRange(titleLinks.Select(l => new LinkMention(l.Item1, l.Item2, "title", Declared: false)));
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add("no title: the file has no '# Title' heading and no 'title:' in its front matter");
        }

        CollapseBlankLinesAtRemovals();
        ReadProseLinks(h1);
        var body = Body(h1, front);
        var status = statuses.Count > 0 ? statuses[0].Text : null;
        foreach (var (where, other) in statuses.Skip(1))
        {
            if (!string.Equals(other, status, StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"{where}: a second status \"{other}\" was found; \"{status}\" is used (its links are kept)");
            }
        }

        foreach (var (_, statusText) in statuses)
        {
            mentions.AddRange(LinkPhrases.Scan(statusText, markdownLinksOnly: false).Select(l => new LinkMention(l.Verb, l.Reference, "status", Declared: false)));
        }

        return new ParsedAdrDocument(
            string.IsNullOrWhiteSpace(title) ? null : title, body, status, front.StatusNote, date,
            deciders.Distinct(StringComparer.Ordinal).ToList(), tags, mentions, problems, warnings);
    }

    private void FindVerbatimMarker(int h1)
    {
        var next = h1 + 1;
        while (h1 >= 0 && next < lines.Count && MarkdownLines.IsBlank(lines[next]))
        {
            next++;
        }

        if (h1 >= 0 && next < lines.Count && lines[next].Trim() == VerbatimBodyMarker)
        {
            marker = next;
            limit = next;
        }
    }

    private static string? ChooseTitle(string? heading, string? frontTitle, List<(LinkVerb, AdrReference)> titleLinks)
    {
        if (heading is null)
        {
            return frontTitle;
        }

        // The H1 is what readers see, so it wins over a Jekyll navigation title; a front matter title equal to the
        // H1 as written is taken verbatim (the exporter writes one when prefix stripping would alter the title).
        if (frontTitle is not null && heading == frontTitle)
        {
            return frontTitle;
        }

        var cleaned = AdrTitleText.Clean(heading, titleLinks);
        return cleaned.Length > 0 ? cleaned : frontTitle;
    }

    private void ReadMetadataLines(int h1, int preambleEnd)
    {
        for (var i = 0; i < preambleEnd; i++)
        {
            if (i == h1 || code[i] || MetadataLine.Match(lines[i]) is not { } meta)
            {
                continue;
            }

            var where = Where(i);
            switch (meta.Key)
            {
                case "STATUS":
                    statuses.Add((where, meta.Value));
                    break;
                case "DATE" when MetadataLine.ParseDate(meta.Value) is { } parsed:
                    WarnIfSecondDate(where, parsed);
                    date ??= parsed;
                    break;
                case "DATE":
                    warnings.Add($"{where}: \"{meta.Value}\" is not a date in the form YYYY-MM-DD; the line was kept in the body");
                    continue;
                case "DECIDERS":
                    deciders.AddRange(Names.SplitPeople(meta.Value));
                    break;
                default:
                    tags.AddRange(Names.SplitTags(meta.Value, allowSpaces: false));
                    break;
            }

            removed[i] = true;
        }
    }

    private void ReadStatusSection()
    {
        var start = FindHeading(0, level => level == 2, "status");
        if (start < 0)
        {
            return;
        }

        var end = FindHeading(start + 1, _ => true);
        end = end < 0 ? limit : end;
        var text = string.Join('\n', lines.Skip(start + 1).Take(end - start - 1).Select(l => l.Trim()).Where(l => l.Length > 0));
        for (var i = start; i < end; i++)
        {
            removed[i] = true;
        }

        if (text.Length > 0)
        {
            statuses.Add((Where(start), text));
        }
    }

    private void ReadLinksSections()
    {
        for (var start = FindHeading(0, level => level is 2 or 3, "links"); start >= 0; start = FindHeading(start + 1, level => level is 2 or 3, "links"))
        {
            var end = FindHeading(start + 1, _ => true);
            end = end < 0 ? limit : end;
            for (var i = start + 1; i < end; i++)
            {
                var item = code[i] ? null : ListItem(lines[i]);
                if (item is not null && LinkPhrases.IsOnlyLinkPhrases(item))
                {
                    var found = LinkPhrases.Scan(item, markdownLinksOnly: false);
                    mentions.AddRange(found.Select(l => new LinkMention(l.Verb, l.Reference, Where(i), Declared: false)));
                    removed[i] = found.Count > 0;
                }
            }

            if (Enumerable.Range(start + 1, end - start - 1).All(i => removed[i] || MarkdownLines.IsBlank(lines[i])))
            {
                for (var i = start; i < end; i++)
                {
                    removed[i] = true;
                }
            }
        }
    }

    private void ApplyFrontMatter(FrontMatter front)
    {
        if (front.Status is not null)
        {
            statuses.Insert(0, ("front matter 'status'", front.Status));
        }

        if (front.Date is not null)
        {
            if (MetadataLine.ParseDate(front.Date) is { } parsed)
            {
                WarnIfSecondDate("front matter 'date'", parsed);
                date = parsed;
            }
            else
            {
                problems.Add($"front matter 'date' \"{front.Date}\" is not a date; write it as YYYY-MM-DD");
            }
        }

        deciders.InsertRange(0, front.Deciders);
        tags.InsertRange(0, front.Tags);
        foreach (var (verb, item, key) in front.Links)
        {
            if (LinkPhrases.ParseDeclared(item) is { } reference)
            {
                mentions.Add(new LinkMention(verb, reference, $"front matter '{key}'", Declared: true));
            }
            else
            {
                problems.Add($"front matter '{key}': \"{item}\" is not an ADR reference; write ids such as ADR-0007");
            }
        }

        if (front.IgnoredKeys.Count > 0)
        {
            warnings.Add($"front matter keys not imported: {string.Join(", ", front.IgnoredKeys)}");
        }
    }

    private void ReadProseLinks(int h1)
    {
        for (var i = 0; i < limit; i++)
        {
            if (i != h1 && !removed[i] && !code[i])
            {
                mentions.AddRange(LinkPhrases.Scan(lines[i], markdownLinksOnly: true).Select(l => new LinkMention(l.Verb, l.Reference, Where(i), Declared: false)));
            }
        }
    }

    /// <summary>Where a removed run of lines sat between two blank lines, one of the blank lines goes too.</summary>
    private void CollapseBlankLinesAtRemovals()
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!removed[i] || (i + 1 < lines.Count && removed[i + 1]))
            {
                continue;
            }

            var before = i - 1;
            while (before >= 0 && removed[before])
            {
                before--;
            }

            var after = i + 1;
            if (before >= 0 && after < limit && MarkdownLines.IsBlank(lines[before]) && MarkdownLines.IsBlank(lines[after]) && !code[after])
            {
                removed[after] = true;
            }
        }
    }

    private string Body(int h1, FrontMatter front)
    {
        var kept = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            if (i == h1)
            {
                // Text written before the title stays, separated from what follows the title by one blank line.
                if (i + 1 >= limit || removed[i + 1] || !MarkdownLines.IsBlank(lines[i + 1]))
                {
                    kept.Add(string.Empty);
                }
            }
            else if (!removed[i])
            {
                kept.Add(lines[i]);
            }
        }

        var first = kept.FindIndex(l => !MarkdownLines.IsBlank(l));
        var body = first < 0 ? string.Empty : string.Join('\n', kept.Skip(first)).TrimEnd();
        if (marker >= 0)
        {
            var verbatim = lines.Skip(marker + 1).ToList();
            var text = string.Join('\n', verbatim.Count > 0 && verbatim[0].Length == 0 ? verbatim.Skip(1) : verbatim).TrimEnd();
            body = body.Length > 0 && text.Length > 0 ? $"{body}\n\n{text}" : body + text;
        }

        return body + Roles(front, body.Length > 0);
    }

    /// <summary>MADR 4 "consulted" and "informed" have no field of their own; they are kept at the end of the body.</summary>
    private static string Roles(FrontMatter front, bool afterText)
    {
        if (front.Consulted.Count == 0 && front.Informed.Count == 0)
        {
            return string.Empty;
        }

        var roles = (afterText ? "\n\n" : string.Empty) + "## Consulted and Informed\n";
        roles += front.Consulted.Count > 0 ? $"\n* Consulted: {string.Join(", ", front.Consulted)}" : string.Empty;
        roles += front.Informed.Count > 0 ? $"\n* Informed: {string.Join(", ", front.Informed)}" : string.Empty;
        return roles;
    }

    private void WarnIfSecondDate(string where, DateOnly parsed)
    {
        if (date is { } existing && existing != parsed)
        {
            warnings.Add($"{where}: a second date {parsed:yyyy-MM-dd} differs from {existing:yyyy-MM-dd}");
        }
    }

    private int FindHeading(int from, Func<int, bool> level, string? text = null)
    {
        for (var i = Math.Max(0, from); i < limit; i++)
        {
            if (!code[i] && MarkdownLines.Heading(lines[i]) is { } heading && level(heading.Level)
                && (text is null || string.Equals(MetadataLine.WithoutHtmlComments(heading.Text), text, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? ListItem(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length > 2 && trimmed[0] is '-' or '*' or '+' && trimmed[1] is ' ' or '\t'
            ? MetadataLine.WithoutHtmlComments(trimmed[2..])
            : null;
    }

    private string Where(int index) => string.Create(CultureInfo.InvariantCulture, $"line {index + firstLineNumber}");
}
