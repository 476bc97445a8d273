using AdrPlatform.Domain.Documents;
using static AdrPlatform.Adapters.Tests.Documents.DocumentReaders;

namespace AdrPlatform.Adapters.Tests.Documents;

public class PdfDocumentParserTests
{
    [Fact]
    public void Each_page_is_a_section_headed_by_its_large_font_heading()
    {
        var document = Read("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(3));

        Assert.Equal(SampleDocuments.DefaultTitle, document.Title);
        Assert.Equal(3, document.PageCount);
        Assert.Equal(
            [$"Page 1: {SampleDocuments.PageHeading(1)}", $"Page 2: {SampleDocuments.PageHeading(2)}", $"Page 3: {SampleDocuments.PageHeading(3)}"],
            document.Sections.Select(section => section.Heading));
        for (var page = 1; page <= 3; page++)
        {
            Assert.Equal(string.Join("\n\n", SampleDocuments.PdfPageParagraphs(page)), document.Sections[page - 1].Text);
        }
    }

    [Fact]
    public void Each_page_term_is_only_on_its_page()
    {
        var document = Read("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(4));

        for (var page = 1; page <= 4; page++)
        {
            var term = SampleDocuments.PdfPageTerm(page);
            var section = Assert.Single(document.Sections, section => section.Text.Contains(term, StringComparison.Ordinal));
            Assert.StartsWith($"Page {page}:", section.Heading, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Words_hyphenated_across_lines_are_joined()
    {
        var text = Read("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(1)).Sections[0].Text;

        Assert.Contains("long-term maintainability of the platform", text, StringComparison.Ordinal);
        Assert.DoesNotContain("maintain-", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_title_property_the_first_heading_is_the_title()
    {
        var document = Read("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(2, title: null));

        Assert.Equal(SampleDocuments.PageHeading(1), document.Title);
    }

    [Fact]
    public void A_ten_page_pdf_is_read_completely()
    {
        var document = Read("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(10));

        Assert.Equal(10, document.PageCount);
        Assert.Equal(10, document.Sections.Count);
        Assert.All(Enumerable.Range(1, 10), page => Assert.Contains(SampleDocuments.PdfPageTerm(page), document.Sections[page - 1].Text, StringComparison.Ordinal));
    }

    [Fact]
    public void An_encrypted_pdf_is_refused() =>
        Assert.StartsWith("the PDF is encrypted", Rejection("secret.pdf", DocumentMediaTypes.Pdf, SampleDocuments.EncryptedPdf()), StringComparison.Ordinal);

    [Fact]
    public void A_corrupt_pdf_is_refused() =>
        Assert.StartsWith("the PDF could not be read: ", Rejection("broken.pdf", DocumentMediaTypes.Pdf, SampleDocuments.CorruptPdf()), StringComparison.Ordinal);

    [Fact]
    public void A_pdf_without_text_is_refused_as_a_likely_scan() =>
        Assert.Equal(
            "no text could be extracted (scanned PDF? OCR is not supported)",
            Rejection("scan.pdf", DocumentMediaTypes.Pdf, SampleDocuments.ScannedPdf()));

    [Fact]
    public void More_pages_than_allowed_are_refused() =>
        Assert.Equal(
            "the PDF has 3 pages; at most 2 are allowed",
            Rejection("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(3), DocumentLimits.Default with { MaxPages = 2 }));

    [Fact]
    public void More_text_than_allowed_is_refused() =>
        Assert.Equal(
            "the document has more than 1,000 characters of text",
            Rejection("decisions.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(3), DocumentLimits.Default with { MaxExtractedChars = 1000 }));
}
