using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Ports;

/// <summary>
/// Reads one untrusted upload into clean sections. A document that cannot be read — refused, corrupt, over a
/// limit, or one that crashed or outran its reader — throws <see cref="DocumentRejectedException"/> with the
/// reason for the uploader; cancellation throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IDocumentReader
{
    Task<ParsedDocument> ReadAsync(string fileName, string declaredMediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
