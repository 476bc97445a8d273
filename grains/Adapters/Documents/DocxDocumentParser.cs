using System.Text;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using AdrPlatform.Errors;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Reads a Word document's body: heading-styled paragraphs (Heading 1 to 9, or any style with an outline level) start
/// sections, other paragraphs and tables (a row per line, cells separated by " | ") are their text. The title is the
/// first Title-styled paragraph, else the document's title property, else the first heading.
/// Headers, footers, footnotes and comments are not read.
/// </summary>
public sealed class DocxDocumentParser : IDocumentParser
{
    public IReadOnlyList<string> MediaTypes { get; } = [DocumentMediaTypes.Docx];

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            DocxPackageGuard.Check(content, limits);
            return Read(content, limits, cancellationToken);
        }
        catch (Exception e) when (e is not (DocumentRejectedException or OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException))
        {
            throw new DocumentRejectedException($"the DOCX could not be read: {LogText.Escape(e.Message, 200)}", e);
        }
    }

    private static ParsedDocument Read(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        using var stream = ContentStreams.ReadOnly(content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxDocxUncompressedBytes });
        var main = document.MainDocumentPart ?? throw new DocumentRejectedException("the DOCX has no document body");
        var styles = new DocxHeadingStyles(main.StyleDefinitionsPart?.Styles);
        var reader = new BodyReader(styles, new SectionBuilder(limits.MaxExtractedChars), cancellationToken);
        reader.Read(main.Document?.Body);

        var title = reader.StyledTitle ?? DocumentText.CleanLine(document.PackageProperties.Title ?? string.Empty);
        return new ParsedDocument(title.Length > 0 ? title : reader.FirstHeading ?? string.Empty, reader.Sections.Build(), PageCount: 0);
    }

    private sealed class BodyReader(DocxHeadingStyles styles, SectionBuilder sections, CancellationToken cancellationToken)
    {
        public SectionBuilder Sections => sections;

        public string? StyledTitle { get; private set; }

        public string? FirstHeading { get; private set; }

        public void Read(OpenXmlElement? container)
        {
            foreach (var element in container?.ChildElements ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (element)
                {
                    case Paragraph paragraph:
                        Read(paragraph);
                        break;
                    case Table table:
                        sections.AddParagraph(TableText(table));
                        break;
                    case SdtBlock contentControl:
                        Read(contentControl.SdtContentBlock);
                        break;
                }
            }
        }

        private void Read(Paragraph paragraph)
        {
            var text = ParagraphText(paragraph);
            switch (styles.Level(paragraph))
            {
                case DocxHeadingStyles.TitleLevel when StyledTitle is null && !string.IsNullOrWhiteSpace(text):
                    StyledTitle = DocumentText.CleanLine(text);
                    break;
                case > 0 when !string.IsNullOrWhiteSpace(text):
                    FirstHeading ??= DocumentText.CleanLine(text);
                    sections.StartSection(text);
                    break;
                default:
                    sections.AddParagraph(text);
                    break;
            }
        }
    }

    private static string TableText(Table table) =>
        string.Join('\n', table.Elements<TableRow>().Select(row =>
            string.Join(" | ", row.Elements<TableCell>().Select(cell =>
                string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText)).Replace('\n', ' ')))));

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }
}
