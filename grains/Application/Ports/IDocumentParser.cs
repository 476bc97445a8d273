using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Ports;

/// <summary>
/// Reads one document format into clean sections. Refusals (corrupt, encrypted, over a limit) throw
/// <see cref="DocumentRejectedException"/> with the reason for the user.
/// </summary>
public interface IDocumentParser
{
    /// <summary>The normalised media types (see <see cref="DocumentMediaTypes"/>) this parser reads.</summary>
    IReadOnlyList<string> MediaTypes { get; }

    ParsedDocument Parse(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken);
}
