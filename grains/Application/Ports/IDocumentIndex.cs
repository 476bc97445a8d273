namespace AdrPlatform.Ports;

/// <summary>An ingested document as the index knows it.</summary>
public sealed record IndexedDocument(string DocumentId, string Name, string MediaType, string JobId, int ChunkCount);

/// <summary>One passage of an ingested document; the embedding is empty until the embeddings worker sets it.</summary>
public sealed record DocumentChunk(int Index, string Heading, string Text);

/// <summary>A passage whose embedding another model made (<see cref="Model"/>; null when the writer named none).</summary>
public sealed record StaleDocumentChunk(string DocumentId, int Index, string Heading, string Text, string? Model);

/// <summary>A matching passage of a searchable document, best first in the list it comes in.</summary>
public sealed record DocumentHit(string DocumentId, string Name, int ChunkIndex, string Heading, string Text, double Score);

/// <summary>
/// Tenant-scoped index of ingested documents' passages (full text and nearest neighbour).
/// A document is written in steps — declared, chunks put, embeddings set — and is invisible to
/// searches until it is marked searchable, so a failed or cancelled ingestion leaves nothing half-indexed.
/// Every write is idempotent: chunks are keyed by (document, index), so a redelivered step stores each chunk once.
/// </summary>
public interface IDocumentIndex
{
    /// <summary>Declares (or re-declares, resetting it to not searchable) a document with its chunk count.</summary>
    Task DeclareAsync(string tenant, IndexedDocument document, CancellationToken cancellationToken);

    Task PutChunksAsync(string tenant, string documentId, IReadOnlyList<DocumentChunk> chunks, CancellationToken cancellationToken);

    /// <summary>Chunks [from, from + count) in index order.</summary>
    Task<IReadOnlyList<DocumentChunk>> GetChunksAsync(string tenant, string documentId, int from, int count, CancellationToken cancellationToken);

    /// <summary>Sets the passages' embeddings, made by <paramref name="model"/>.</summary>
    Task SetEmbeddingsAsync(
        string tenant, string documentId, string model, IReadOnlyList<(int Index, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken);

    /// <summary>How many of the document's chunks have an embedding.</summary>
    Task<int> CountEmbeddedAsync(string tenant, string documentId, CancellationToken cancellationToken);

    Task MarkSearchableAsync(string tenant, string documentId, CancellationToken cancellationToken);

    Task RemoveAsync(string tenant, string documentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<IndexedDocument>> ListSearchableAsync(string tenant, CancellationToken cancellationToken);

    Task<IReadOnlyList<DocumentHit>> LexicalAsync(string tenant, string query, int limit, CancellationToken cancellationToken);

    /// <summary>The passages nearest to <paramref name="vector"/> among those <paramref name="model"/> embedded.</summary>
    Task<IReadOnlyList<DocumentHit>> SemanticAsync(string tenant, ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken);

    /// <summary>Passages (of any document, at most <paramref name="limit"/>) with an embedding another model made.</summary>
    Task<IReadOnlyList<StaleDocumentChunk>> StaleChunksAsync(string tenant, string model, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the embeddings <paramref name="model"/> made of stale passages, each only where the passage still holds
    /// what it was read with (same text, same model): a passage changed or re-embedded meanwhile keeps its own.
    /// </summary>
    Task ReplaceStaleAsync(
        string tenant, string model, IReadOnlyList<(StaleDocumentChunk Chunk, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken);
}
