using AdrPlatform.Domain.Search;
using AdrPlatform.Model;

namespace AdrPlatform.Ports;

/// <summary>One passage of an ADR with its embedding and the model that made it (<see cref="EmbeddingModel.Id"/>).</summary>
public sealed record IndexedChunk(int Index, string Heading, string Text, ReadOnlyMemory<float> Embedding, string EmbeddingModel);

/// <summary>
/// The search index of ADR passages, tenant-scoped: full text and nearest-neighbour search with the same filters.
/// Writes are idempotent and ordered by ADR version: a write older than what the index holds is ignored.
/// Nearest-neighbour reads compare only the vectors of the model they name.
/// </summary>
public interface ISearchIndex
{
    Task ReplaceAsync(string tenant, SearchDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    Task RemoveAsync(string tenant, int number, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChunkHit>> LexicalAsync(string tenant, string query, SearchFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>The passages nearest to <paramref name="vector"/> among those <paramref name="model"/> embedded.</summary>
    Task<IReadOnlyList<ChunkHit>> SemanticAsync(
        string tenant, ReadOnlyMemory<float> vector, string model, SearchFilter filter, int? excludeNumber, int limit, CancellationToken cancellationToken);

    /// <summary>The normalised mean of an ADR's passage embeddings made by <paramref name="model"/>, or null when it has none.</summary>
    Task<float[]?> AdrVectorAsync(string tenant, int number, string model, CancellationToken cancellationToken);

    /// <summary>ADRs (lowest numbers first, at most <paramref name="limit"/>) with a passage another model embedded.</summary>
    Task<IReadOnlyList<int>> StaleAsync(string tenant, string model, int limit, CancellationToken cancellationToken);
}
