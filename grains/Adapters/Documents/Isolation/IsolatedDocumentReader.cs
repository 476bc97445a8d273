using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>
/// The silo's document reader: every upload is parsed in a parser process (<see cref="ParserProcessPool"/>),
/// so a hostile file can fail its own job but never the silo. Empty and oversized files are refused before a process is used.
/// </summary>
public sealed class IsolatedDocumentReader(ParserProcessPool parsers, DocumentLimits limits) : IDocumentReader
{
    public Task<ParsedDocument> ReadAsync(string fileName, string declaredMediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        DocumentReader.CheckSize(content, limits);
        return parsers.ReadAsync(new ParseRequest(fileName ?? string.Empty, declaredMediaType ?? string.Empty, limits), content, cancellationToken);
    }
}
