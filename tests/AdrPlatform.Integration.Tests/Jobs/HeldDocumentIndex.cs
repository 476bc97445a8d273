using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>One step of an ingestion that a test holds: the first call to reach it waits until the test releases it.</summary>
public sealed class HeldStep
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        if (_reached.TrySetResult())
        {
            await _released.Task.WaitAsync(cancellationToken);
        }
    }
}

/// <summary>
/// The in-memory document index with two steps a test can hold: declaring the document (just after parsing)
/// and reading its chunks for embedding (just after chunking), so a cancel lands at that stage every time.
/// </summary>
public sealed class HeldDocumentIndex(InMemoryDocumentIndex index) : IDocumentIndex
{
    public HeldStep? Declaring { get; set; }

    public HeldStep? ReadingChunks { get; set; }

    public async Task DeclareAsync(string tenant, IndexedDocument document, CancellationToken cancellationToken)
    {
        await (Declaring?.PassAsync(cancellationToken) ?? Task.CompletedTask);
        await index.DeclareAsync(tenant, document, cancellationToken);
    }

    public async Task<IReadOnlyList<DocumentChunk>> GetChunksAsync(string tenant, string documentId, int from, int count, CancellationToken cancellationToken)
    {
        await (ReadingChunks?.PassAsync(cancellationToken) ?? Task.CompletedTask);
        return await index.GetChunksAsync(tenant, documentId, from, count, cancellationToken);
    }

    public Task PutChunksAsync(string tenant, string documentId, IReadOnlyList<DocumentChunk> chunks, CancellationToken cancellationToken) =>
        index.PutChunksAsync(tenant, documentId, chunks, cancellationToken);

    public Task SetEmbeddingsAsync(
        string tenant, string documentId, string model, IReadOnlyList<(int Index, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken) =>
        index.SetEmbeddingsAsync(tenant, documentId, model, embeddings, cancellationToken);

    public Task<int> CountEmbeddedAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        index.CountEmbeddedAsync(tenant, documentId, cancellationToken);

    public Task MarkSearchableAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        index.MarkSearchableAsync(tenant, documentId, cancellationToken);

    public Task RemoveAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        index.RemoveAsync(tenant, documentId, cancellationToken);

    public Task<IReadOnlyList<IndexedDocument>> ListSearchableAsync(string tenant, CancellationToken cancellationToken) =>
        index.ListSearchableAsync(tenant, cancellationToken);

    public Task<IReadOnlyList<DocumentHit>> LexicalAsync(string tenant, string query, int limit, CancellationToken cancellationToken) =>
        index.LexicalAsync(tenant, query, limit, cancellationToken);

    public Task<IReadOnlyList<DocumentHit>> SemanticAsync(string tenant, ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken) =>
        index.SemanticAsync(tenant, vector, model, limit, cancellationToken);

    public Task<IReadOnlyList<StaleDocumentChunk>> StaleChunksAsync(string tenant, string model, int limit, CancellationToken cancellationToken) =>
        index.StaleChunksAsync(tenant, model, limit, cancellationToken);

    public Task ReplaceStaleAsync(
        string tenant, string model, IReadOnlyList<(StaleDocumentChunk Chunk, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken) =>
        index.ReplaceStaleAsync(tenant, model, embeddings, cancellationToken);
}
