using AdrPlatform.Domain.Search;
using AdrPlatform.Model;

namespace AdrPlatform.Ports;

/// <summary>One passage of an ADR with its embedding.</summary>
public sealed record IndexedChunk(int Index, string Heading, string Text, ReadOnlyMemory<float> Embedding);

/// <summary>
/// The search index of ADR passages, tenant-scoped: full text and nearest-neighbour search with the same filters.
/// Writes are idempotent and ordered by ADR version: a write older than what the index holds is ignored.
/// </summary>
public interface ISearchIndex
{
    Task ReplaceAsync(string tenant, SearchDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    Task RemoveAsync(string tenant, int number, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChunkHit>> LexicalAsync(string tenant, string query, SearchFilter filter, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChunkHit>> SemanticAsync(string tenant, ReadOnlyMemory<float> vector, SearchFilter filter, int? excludeNumber, int limit, CancellationToken cancellationToken);

    /// <summary>The normalised mean of an ADR's passage embeddings, or null when it is not indexed.</summary>
    Task<float[]?> AdrVectorAsync(string tenant, int number, CancellationToken cancellationToken);
}
