using AdrPlatform.Model;

namespace AdrPlatform.Domain.Search;

/// <summary>
/// A matching passage, best first in the list it comes in: of ADR <see cref="Number"/>, or, when
/// <see cref="DocumentId"/> is set, of that ingested document (Title is then its name).
/// </summary>
public sealed record ChunkHit(int Number, string Title, AdrStatus Status, int ChunkIndex, string Heading, string Text, double Score, string? DocumentId = null)
{
    /// <summary>What a ranking counts once: the ADR or the document.</summary>
    public (int Number, string? DocumentId) Source => (DocumentId is null ? Number : 0, DocumentId);
}
