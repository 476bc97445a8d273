using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.Documents;

/// <summary>Reads plain text as one untitled section whose paragraphs are separated by blank lines.</summary>
public sealed class PlainTextDocumentParser : IDocumentParser
{
    public IReadOnlyList<string> MediaTypes { get; } = [DocumentMediaTypes.PlainText];

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var sections = new SectionBuilder(limits.MaxExtractedChars);
        foreach (var paragraph in DocumentText.Clean(TextDecoding.Decode(content.Span)).Split("\n\n"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            sections.AddParagraph(paragraph);
        }

        return new ParsedDocument(string.Empty, sections.Build(), PageCount: 0);
    }
}
