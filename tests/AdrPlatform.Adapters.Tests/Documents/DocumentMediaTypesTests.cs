using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Tests.Documents;

public class DocumentMediaTypesTests
{
    [Theory]
    [InlineData("Text/Markdown; charset=utf-8", DocumentMediaTypes.Markdown)]
    [InlineData("text/x-markdown", DocumentMediaTypes.Markdown)]
    [InlineData(" APPLICATION/PDF ", DocumentMediaTypes.Pdf)]
    [InlineData("application/xhtml+xml", DocumentMediaTypes.Html)]
    [InlineData("image/png", "image/png")]
    [InlineData(null, "")]
    public void Media_types_are_normalised(string? declared, string expected) => Assert.Equal(expected, DocumentMediaTypes.Normalize(declared));

    [Theory]
    [InlineData("text/plain; charset=utf-8", true)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", true)]
    [InlineData("application/msword", false)]
    [InlineData("", false)]
    public void Supported_types_are_known(string mediaType, bool supported) => Assert.Equal(supported, DocumentMediaTypes.IsSupported(mediaType));

    [Theory]
    [InlineData("notes.MD", DocumentMediaTypes.Markdown)]
    [InlineData("report.docx", DocumentMediaTypes.Docx)]
    [InlineData("page.htm", DocumentMediaTypes.Html)]
    [InlineData("archive.zip", null)]
    [InlineData("README", null)]
    public void File_names_imply_types(string fileName, string? expected) => Assert.Equal(expected, DocumentMediaTypes.FromFileName(fileName));
}
