using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using AdrPlatform.Errors;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Reads one upload in this process — the parser process's work (<see cref="Isolation.IsolatedDocumentReader"/> is the silo's side): checks its size, works out its media type, checks the content is what it was declared as,
/// and hands it to the parser for that type. Every refusal, and any failure of a parser, surfaces as a
/// <see cref="DocumentRejectedException"/> whose message is meant for the uploader.
/// </summary>
public sealed class DocumentReader
{
    private const string OctetStream = "application/octet-stream";

    private readonly Dictionary<string, IDocumentParser> parsers = new(StringComparer.Ordinal);
    private readonly DocumentLimits limits;

    public DocumentReader(IEnumerable<IDocumentParser> parsers, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        this.limits = limits;
        foreach (var parser in parsers)
        {
            foreach (var mediaType in parser.MediaTypes)
            {
                this.parsers[DocumentMediaTypes.Normalize(mediaType)] = parser;
            }
        }
    }

    /// <summary>All the parsers this server has, over the given limits.</summary>
    public static DocumentReader WithAllParsers(DocumentLimits limits) =>
        new([new PdfDocumentParser(), new DocxDocumentParser(), new HtmlDocumentParser(), new MarkdownDocumentParser(), new PlainTextDocumentParser()], limits);

    /// <summary>Refuses an empty file or one over <see cref="DocumentLimits.MaxBytes"/>.</summary>
    public static void CheckSize(ReadOnlyMemory<byte> content, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (content.IsEmpty)
        {
            throw new DocumentRejectedException("the file is empty");
        }

        if (content.Length > limits.MaxBytes)
        {
            throw new DocumentRejectedException($"the file is larger than the {ByteSizes.Megabytes(limits.MaxBytes)} limit");
        }
    }

    public ParsedDocument Read(string fileName, string declaredMediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        CheckSize(content, limits);
        var kind = ContentSniffer.Sniff(content);
        var mediaType = MediaType(fileName, declaredMediaType, kind);
        if (!Matches(mediaType, kind))
        {
            throw new DocumentRejectedException($"declared {mediaType} but the content is {Describe(kind)}");
        }

        if (!parsers.TryGetValue(mediaType, out var parser))
        {
            throw new DocumentRejectedException($"{mediaType} documents cannot be read by this server");
        }

        ParsedDocument parsed;
        try
        {
            parsed = parser.Parse(content, limits, cancellationToken);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new DocumentRejectedException("the document is nested too deeply to read", e);
        }
        catch (Exception e) when (e is not (DocumentRejectedException or OperationCanceledException or OutOfMemoryException))
        {
            throw new DocumentRejectedException($"the document could not be read: {LogText.Escape(e.Message, 200)}", e);
        }

        if (!parsed.Sections.Any(section => !string.IsNullOrWhiteSpace(section.Text)))
        {
            throw new DocumentRejectedException(
                mediaType == DocumentMediaTypes.Pdf ? "no text could be extracted (scanned PDF? OCR is not supported)" : "no text could be extracted");
        }

        return parsed.Title.Length > 0 ? parsed : parsed with { Title = DocumentText.CleanLine(Path.GetFileNameWithoutExtension(fileName ?? string.Empty)) };
    }

    /// <summary>The declared type, or when none was given (or only application/octet-stream) the one the file name or, failing that, the content implies.</summary>
    private static string MediaType(string fileName, string declaredMediaType, ContentKind kind)
    {
        var declared = DocumentMediaTypes.Normalize(declaredMediaType);
        if (declared.Length > 0 && declared != OctetStream)
        {
            return DocumentMediaTypes.IsSupported(declared)
                ? declared
                : throw new DocumentRejectedException(
                    $"the media type {LogText.Escape(declared, DocumentMediaTypes.MaxEchoedLength)} is not supported (supported: {string.Join(", ", DocumentMediaTypes.All)})");
        }

        return DocumentMediaTypes.FromFileName(fileName)
            ?? kind switch
            {
                ContentKind.Pdf => DocumentMediaTypes.Pdf,
                ContentKind.Docx => DocumentMediaTypes.Docx,
                ContentKind.Html => DocumentMediaTypes.Html,
                ContentKind.Text => DocumentMediaTypes.PlainText,
                _ => throw new DocumentRejectedException($"the type of {LogText.Escape(fileName)} cannot be told from its name or content; the content is {Describe(kind)}"),
            };
    }

    private static bool Matches(string mediaType, ContentKind kind) => mediaType switch
    {
        DocumentMediaTypes.Pdf => kind == ContentKind.Pdf,
        DocumentMediaTypes.Docx => kind == ContentKind.Docx,
        // HTML fragments without an <html>, <head> or <body> tag sniff as text.
        DocumentMediaTypes.Html => kind is ContentKind.Html or ContentKind.Text,
        _ => kind == ContentKind.Text,
    };

    private static string Describe(ContentKind kind) => kind switch
    {
        ContentKind.Pdf => "a PDF",
        ContentKind.Docx => "a Word document (DOCX)",
        ContentKind.Zip => "a ZIP archive that is not a readable Word document",
        ContentKind.Html => "an HTML page",
        ContentKind.Text => "plain text",
        _ => "binary data, not text",
    };
}
