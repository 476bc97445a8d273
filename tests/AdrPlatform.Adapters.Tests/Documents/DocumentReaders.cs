using AdrPlatform.Adapters.Documents;
using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Tests.Documents;

internal static class DocumentReaders
{
    public static DocumentReader Create(DocumentLimits? limits = null) => DocumentReader.WithAllParsers(limits ?? DocumentLimits.Default);

    public static ParsedDocument Read(string fileName, string mediaType, byte[] content, DocumentLimits? limits = null) =>
        Create(limits).Read(fileName, mediaType, content, CancellationToken.None);

    public static ParsedDocument Read(string fileName, string mediaType, string content, DocumentLimits? limits = null) =>
        Read(fileName, mediaType, System.Text.Encoding.UTF8.GetBytes(content), limits);

    public static string Rejection(string fileName, string mediaType, byte[] content, DocumentLimits? limits = null) =>
        Assert.Throws<DocumentRejectedException>(() => Read(fileName, mediaType, content, limits)).Message;

    public static string AllText(ParsedDocument document) =>
        string.Join("\n\n", document.Sections.Select(section => $"{section.Heading}\n\n{section.Text}"));
}
