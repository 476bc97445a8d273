using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Documents;

/// <summary>
/// Cuts a parsed document into heading-scoped chunks with the ADR chunker's rules. Like an ADR section, each section's
/// text starts with its heading line, and the title leads the first chunk (unless the first heading already is the title).
/// </summary>
public static class DocumentChunker
{
    public static IReadOnlyList<TextChunk> Chunk(ParsedDocument document, ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        var title = DocumentText.CleanLine(document.Title);
        var sections = document.Sections
            .Select(section => (section.Heading, Text: WithHeadingLine(section)))
            .Where(section => section.Text.Length > 0)
            .ToList();
        if (title.Length > 0)
        {
            if (sections.Count == 0)
            {
                sections.Add((string.Empty, title));
            }
            else if (!string.Equals(sections[0].Heading, title, StringComparison.Ordinal))
            {
                sections[0] = (sections[0].Heading, $"{title}\n\n{sections[0].Text}");
            }
        }

        return MarkdownChunker.ChunkSections(sections, options);
    }

    private static string WithHeadingLine(DocumentSection section)
    {
        var text = section.Text.Trim();
        return section.Heading.Length == 0 ? text : $"{section.Heading}\n\n{text}".Trim();
    }
}
