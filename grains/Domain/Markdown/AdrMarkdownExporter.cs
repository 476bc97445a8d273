using System.Globalization;
using System.Text;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Writes ADRs as MADR 4 markdown: YAML front matter (status, status-note, date, decision-makers, tags, and this ADR's links
/// in both directions as supersedes / superseded-by / amends / amended-by / relates-to lists of "ADR-0007" ids), then
/// "# Title", a blank line and the body. <see cref="AdrMarkdownImporter"/> reads the result back to the same records.
/// </summary>
public static class AdrMarkdownExporter
{
    public static IReadOnlyList<(string Path, string Markdown)> Export(IReadOnlyList<AdrRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records.OrderBy(r => r.Number).Select(r => (FileName(r), Render(r)))];
    }

    /// <summary>"NNNN-slug-of-title.md".</summary>
    public static string FileName(AdrRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AdrFileSlug.FileName(record.Number, record.Content.Title);
    }

    public static string Render(AdrRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var content = record.Content;
        var markdown = new StringBuilder("---\n");
        markdown.Append("status: ").Append(AdrLifecycle.Name(record.Status)).Append('\n');
        if (!string.IsNullOrEmpty(record.StatusNote))
        {
            markdown.Append("status-note: ").Append(YamlText.Quote(record.StatusNote)).Append('\n');
        }

        if (AdrTitleText.WouldChange(content.Title))
        {
            // The importer strips "N." and "[Superseded by ..]" prefixes from an H1; a title that really starts like that
            // is also written here, and a front matter title equal to the H1 is taken as it is.
            markdown.Append("title: ").Append(YamlText.Quote(content.Title)).Append('\n');
        }

        if (content.DecisionDate is { } date)
        {
            markdown.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        AppendList(markdown, "decision-makers", content.Deciders.IsDefault ? [] : content.Deciders);
        AppendList(markdown, "tags", content.Tags.IsDefault ? [] : content.Tags);
        var links = record.Links.IsDefault ? [] : record.Links;
        AppendIds(markdown, "supersedes", links, l => l.Type == LinkType.Supersedes && l.From == record.Number, l => l.To);
        AppendIds(markdown, "superseded-by", links, l => l.Type == LinkType.Supersedes && l.To == record.Number, l => l.From);
        AppendIds(markdown, "amends", links, l => l.Type == LinkType.Amends && l.From == record.Number, l => l.To);
        AppendIds(markdown, "amended-by", links, l => l.Type == LinkType.Amends && l.To == record.Number, l => l.From);
        AppendIds(markdown, "relates-to", links, l => l.Type == LinkType.RelatesTo && (l.From == record.Number || l.To == record.Number),
            l => l.From == record.Number ? l.To : l.From);
        markdown.Append("---\n# ").Append(content.Title);
        if (MarkdownLines.EndsLikeClosingSequence(content.Title))
        {
            markdown.Append(" #");
        }

        markdown.Append('\n');
        var head = markdown.ToString();
        var plain = content.Body.Length > 0 ? $"{head}\n{content.Body}\n" : head;
        return ReadsBackAsWritten(plain, record)
            ? plain
            : $"{head}\n{AdrDocumentParser.VerbatimBodyMarker}\n\n{content.Body}\n";
    }

    /// <summary>
    /// False when the importer would take part of the body for metadata (a "- Status:" line near the top, a "## Status"
    /// section) or find a link phrase in it that is not one of the record's links; such bodies are written after a marker
    /// that makes the importer keep them verbatim.
    /// </summary>
    private static bool ReadsBackAsWritten(string markdown, AdrRecord record)
    {
        var parsed = AdrDocumentParser.Parse(markdown, ImportLimits.Default);
        if (parsed.Body != record.Content.Body || parsed.Warnings.Count > 0)
        {
            return false;
        }

        var links = record.Links.IsDefault ? [] : record.Links;
        var linked = new AdrReferenceResolver(links.SelectMany(l => new[] { l.From, l.To }).Distinct()
            .Select(n => (AdrFileName.Parse(AdrFileSlug.FileName(n, string.Empty)), n)));
        return parsed.Mentions.Where(m => !m.Declared).All(m =>
            linked.Resolve(m.Reference, out _) is { } other && links.Contains(CanonicalLink.Of(record.Number, m.Verb, other)));
    }

    private static void AppendList(StringBuilder markdown, string key, IEnumerable<string> values)
    {
        var items = values.ToList();
        if (items.Count == 0)
        {
            return;
        }

        markdown.Append(key).Append(":\n");
        foreach (var item in items)
        {
            markdown.Append("  - ").Append(YamlText.Quote(item)).Append('\n');
        }
    }

    private static void AppendIds(StringBuilder markdown, string key, IEnumerable<AdrLink> links, Func<AdrLink, bool> side, Func<AdrLink, int> other) =>
        AppendPlain(markdown, key, links.Where(side).Select(other).Where(n => n >= 0).Distinct().Order().Select(AdrId.Format));

    private static void AppendPlain(StringBuilder markdown, string key, IEnumerable<string> ids)
    {
        var items = ids.ToList();
        if (items.Count == 0)
        {
            return;
        }

        markdown.Append(key).Append(":\n");
        foreach (var id in items)
        {
            markdown.Append("  - ").Append(id).Append('\n');
        }
    }
}
