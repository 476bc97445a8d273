using System.Globalization;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;
using AdrPlatform.Errors;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Reads a PDF's text page by page, in reading order (words, then blocks, then block order from PdfPig's layout analysis).
/// Each page is a section headed "Page N"; a short block set clearly larger than the body text starts a section
/// "Page N: heading" of its own.
/// </summary>
public sealed class PdfDocumentParser : IDocumentParser
{
    private const double HeadingSizeRatio = 1.15;
    private const int MaxHeadingChars = 150;
    private const int MaxHeadingLines = 3;
    private const string EncryptedReason = "the PDF is encrypted (password-protected); upload a copy without protection";

    public IReadOnlyList<string> MediaTypes { get; } = [DocumentMediaTypes.Pdf];

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            return Read(content, limits, cancellationToken);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentRejectedException(EncryptedReason, e);
        }
        catch (Exception e) when (e is not (DocumentRejectedException or OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException))
        {
            throw new DocumentRejectedException($"the PDF could not be read: {LogText.Escape(e.Message, 200)}", e);
        }
    }

    private static ParsedDocument Read(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(content);
        if (document.IsEncrypted)
        {
            throw new DocumentRejectedException(EncryptedReason);
        }

        if (document.NumberOfPages > limits.MaxPages)
        {
            throw new DocumentRejectedException(string.Create(
                CultureInfo.InvariantCulture, $"the PDF has {document.NumberOfPages} pages; at most {limits.MaxPages} are allowed"));
        }

        var pages = new List<IReadOnlyList<PdfTextBlock>>(document.NumberOfPages);
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages.Add(Blocks(document.GetPage(number)));
        }

        var bodySize = BodyFontSize(pages);
        var sections = new SectionBuilder(limits.MaxExtractedChars);
        string? firstHeading = null;
        for (var index = 0; index < pages.Count; index++)
        {
            var pageHeading = string.Create(CultureInfo.InvariantCulture, $"Page {index + 1}");
            sections.StartSection(pageHeading);
            foreach (var block in pages[index])
            {
                if (IsHeading(block, bodySize))
                {
                    firstHeading ??= block.Text;
                    sections.StartSection($"{pageHeading}: {block.Text}");
                }
                else
                {
                    sections.AddParagraph(block.Text);
                }
            }
        }

        var title = DocumentText.CleanLine(document.Information.Title ?? string.Empty);
        return new ParsedDocument(title.Length > 0 ? title : DocumentText.CleanLine(firstHeading ?? string.Empty), sections.Build(), document.NumberOfPages);
    }

    private static List<PdfTextBlock> Blocks(Page page)
    {
        if (page.Letters.Count == 0)
        {
            return [];
        }

        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        return UnsupervisedReadingOrderDetector.Instance.Get(blocks)
            .OrderBy(block => block.ReadingOrder)
            .Select(block =>
            {
                var letters = block.TextLines.SelectMany(line => line.Words).SelectMany(word => word.Letters).ToList();
                var fontSize = letters.GroupBy(letter => Math.Round(letter.PointSize, 1)).MaxBy(group => group.Count())?.Key ?? 0;
                return new PdfTextBlock(DocumentText.Reflow(block.TextLines.Select(line => line.Text)), fontSize, block.TextLines.Count, letters.Count);
            })
            .ToList();
    }

    /// <summary>The font size most letters of the document have.</summary>
    private static double BodyFontSize(List<IReadOnlyList<PdfTextBlock>> pages) =>
        pages.SelectMany(blocks => blocks)
            .GroupBy(block => block.FontSize)
            .MaxBy(group => group.Sum(block => block.LetterCount))?.Key ?? 0;

    private static bool IsHeading(PdfTextBlock block, double bodySize) =>
        bodySize > 0
        && block.FontSize >= bodySize * HeadingSizeRatio
        && block.LineCount <= MaxHeadingLines
        && block.Text.Length <= MaxHeadingChars
        && block.Text.Any(char.IsLetter);
}
