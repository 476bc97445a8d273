using System.Text;
using AdrPlatform.Domain.Documents;
using static AdrPlatform.Adapters.Tests.Documents.DocumentReaders;

namespace AdrPlatform.Adapters.Tests.Documents;

public class PlainTextDocumentParserTests
{
    [Fact]
    public void Text_is_one_section_of_clean_paragraphs_titled_by_the_file_name()
    {
        var document = Read("meeting notes.txt", DocumentMediaTypes.PlainText, "First  line\r\nsecond\tline.\r\n\r\n\r\n\r\nNext\u0007 paragraph.\n");

        Assert.Equal("meeting notes", document.Title);
        Assert.Equal(0, document.PageCount);
        Assert.Equal(new DocumentSection(string.Empty, "First line\nsecond line.\n\nNext paragraph."), Assert.Single(document.Sections));
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_text()
    {
        var content = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Wide text.")).ToArray();

        Assert.Equal("Wide text.", Read("wide.txt", DocumentMediaTypes.PlainText, content).Sections[0].Text);
    }

    [Fact]
    public void Blank_text_is_refused() =>
        Assert.Equal("no text could be extracted", Rejection("blank.txt", DocumentMediaTypes.PlainText, Encoding.UTF8.GetBytes(" \n\t\n ")));
}
