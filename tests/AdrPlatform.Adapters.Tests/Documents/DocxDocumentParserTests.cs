using AdrPlatform.Domain.Documents;
using static AdrPlatform.Adapters.Tests.Documents.DocumentReaders;

namespace AdrPlatform.Adapters.Tests.Documents;

public class DocxDocumentParserTests
{
    [Fact]
    public void Heading_styles_start_sections_and_tables_become_rows_of_text()
    {
        var document = Read("decisions.docx", DocumentMediaTypes.Docx, SampleDocuments.Docx());

        Assert.Equal(SampleDocuments.DefaultTitle, document.Title);
        Assert.Equal(0, document.PageCount);
        Assert.Equal(["Context", "Decision", "Consequences", "Options"], document.Sections.Select(section => section.Heading));
        Assert.Equal(SampleDocuments.AdrSections[1].Body, document.Sections[1].Text);
        Assert.EndsWith($"The {SampleDocuments.DocxTerm} committee signed this record off.", document.Sections[2].Text, StringComparison.Ordinal);
        Assert.Equal(
            "Option | Cost | Risk\nWiki pages | Low | Decisions drift from the code\nMarkdown records | Low | Needs review discipline",
            document.Sections[3].Text);
    }

    [Fact]
    public void Without_a_title_paragraph_the_first_heading_is_the_title()
    {
        var docx = SampleDocuments.Docx(title: "   ", withTable: false);

        Assert.Equal("Context", Read("decision-log.docx", DocumentMediaTypes.Docx, docx).Title);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_expanded()
    {
        var bomb = SampleDocuments.DocxZipBomb();

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be small compressed, is {bomb.Length} bytes");
        Assert.Equal("the DOCX expands to more than 100 MB", Rejection("bomb.docx", DocumentMediaTypes.Docx, bomb));
    }

    [Fact]
    public void A_suspiciously_well_compressed_docx_is_refused_even_under_the_size_limit() =>
        Assert.Equal(
            "the DOCX is compressed more than 100:1, which looks like a zip bomb",
            Rejection("bomb.docx", DocumentMediaTypes.Docx, SampleDocuments.DocxZipBomb(20L * 1024 * 1024)));

    [Fact]
    public void Too_many_zip_entries_are_refused() =>
        Assert.StartsWith(
            "the DOCX has ",
            Rejection("decisions.docx", DocumentMediaTypes.Docx, SampleDocuments.Docx(), DocumentLimits.Default with { MaxZipEntries = 2 }),
            StringComparison.Ordinal);

    [Fact]
    public void More_text_than_allowed_is_refused() =>
        Assert.Equal(
            "the document has more than 100 characters of text",
            Rejection("decisions.docx", DocumentMediaTypes.Docx, SampleDocuments.Docx(), DocumentLimits.Default with { MaxExtractedChars = 100 }));

    [Fact]
    public void A_zip_without_a_word_document_is_refused()
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("xl/workbook.xml").Open());
            writer.Write("<workbook/>");
        }

        Assert.Equal(
            $"declared {DocumentMediaTypes.Docx} but the content is a ZIP archive that is not a readable Word document",
            Rejection("sheet.docx", DocumentMediaTypes.Docx, stream.ToArray()));
    }
}
