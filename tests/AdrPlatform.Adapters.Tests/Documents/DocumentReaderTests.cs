using System.Text;
using AdrPlatform.Adapters.Documents;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using static AdrPlatform.Adapters.Tests.Documents.DocumentReaders;

namespace AdrPlatform.Adapters.Tests.Documents;

public class DocumentReaderTests
{
    [Fact]
    public void An_empty_file_is_refused() => Assert.Equal("the file is empty", Rejection("empty.pdf", DocumentMediaTypes.Pdf, []));

    [Fact]
    public void A_file_over_the_size_limit_is_refused() =>
        Assert.Equal(
            "the file is larger than the 0.5 MB limit",
            Rejection("big.txt", DocumentMediaTypes.PlainText, new byte[600 * 1024], DocumentLimits.Default with { MaxBytes = 512 * 1024 }));

    [Theory]
    [InlineData(DocumentMediaTypes.Markdown, "a PDF")]
    [InlineData(DocumentMediaTypes.PlainText, "a PDF")]
    [InlineData(DocumentMediaTypes.Docx, "a PDF")]
    [InlineData(DocumentMediaTypes.Html, "a PDF")]
    public void A_pdf_declared_as_something_else_is_refused(string declared, string actual) =>
        Assert.Equal($"declared {declared} but the content is {actual}", Rejection("x", declared, SampleDocuments.Pdf(1)));

    [Fact]
    public void Markdown_declared_as_a_pdf_is_refused() =>
        Assert.Equal(
            "declared application/pdf but the content is plain text",
            Rejection("adr.pdf", DocumentMediaTypes.Pdf, Encoding.UTF8.GetBytes(SampleDocuments.Markdown())));

    [Fact]
    public void A_docx_declared_as_text_is_refused() =>
        Assert.Equal(
            "declared text/plain but the content is a Word document (DOCX)",
            Rejection("adr.txt", DocumentMediaTypes.PlainText, SampleDocuments.Docx()));

    [Fact]
    public void An_html_page_declared_as_markdown_is_refused() =>
        Assert.Equal(
            "declared text/markdown but the content is an HTML page",
            Rejection("adr.md", "Text/Markdown; charset=UTF-8", Encoding.UTF8.GetBytes(SampleDocuments.Html())));

    [Theory]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 })]
    [InlineData(new byte[] { 0x41, 0xC3, 0x28, 0x42 })]
    public void Binary_content_declared_as_text_is_refused(byte[] content) =>
        Assert.Equal("declared text/plain but the content is binary data, not text", Rejection("a.txt", DocumentMediaTypes.PlainText, content));

    [Fact]
    public void An_unsupported_media_type_is_refused() =>
        Assert.StartsWith(
            "the media type image/png is not supported",
            Rejection("a.png", "image/png", [0x89, 0x50, 0x4E, 0x47]),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("decisions.pdf", "")]
    [InlineData("decisions.pdf", "application/octet-stream")]
    [InlineData("decisions", "application/octet-stream")]
    public void Without_a_declared_type_the_name_or_content_decides(string fileName, string declared) =>
        Assert.Equal(2, Read(fileName, declared, SampleDocuments.Pdf(2)).PageCount);

    [Fact]
    public void Html_without_a_declared_type_or_extension_is_read_as_html() =>
        Assert.Equal(SampleDocuments.DefaultTitle, Read("download", string.Empty, SampleDocuments.Html()).Title);

    [Theory]
    [InlineData("%PDF-1.7\n", ContentKind.Pdf)]
    [InlineData("\n\n  <!DOCTYPE html><html></html>", ContentKind.Html)]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- generated -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\"></html>", ContentKind.Html)]
    [InlineData("<BODY>text</BODY>", ContentKind.Html)]
    [InlineData("<p>a fragment</p>", ContentKind.Text)]
    [InlineData("<htmlx>", ContentKind.Text)]
    [InlineData("# Markdown", ContentKind.Text)]
    public void Content_is_sniffed_from_its_bytes(string content, ContentKind expected) =>
        Assert.Equal(expected, ContentSniffer.Sniff(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Zip_content_is_a_docx_only_with_a_word_document() =>
        Assert.Equal(ContentKind.Docx, ContentSniffer.Sniff(SampleDocuments.Docx()));

    [Fact]
    public void An_unexpected_parser_failure_is_a_rejection()
    {
        var reader = new DocumentReader([new ThrowingParser()], DocumentLimits.Default);

        var rejected = Assert.Throws<DocumentRejectedException>(() => reader.Read("a.txt", DocumentMediaTypes.PlainText, "text"u8.ToArray(), CancellationToken.None));

        Assert.Equal("the document could not be read: boom", rejected.Message);
        Assert.IsType<InvalidOperationException>(rejected.InnerException);
    }

    [Fact]
    public void Cancellation_is_not_turned_into_a_rejection()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Create().Read("a.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(2), cancelled.Token));
    }

    private sealed class ThrowingParser : IDocumentParser
    {
        public IReadOnlyList<string> MediaTypes { get; } = [DocumentMediaTypes.PlainText];

        public ParsedDocument Parse(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
