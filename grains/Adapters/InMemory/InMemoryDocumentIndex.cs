using System.Collections.Concurrent;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.InMemory;

/// <summary>
/// The embedded default's index of ingested documents: BM25 over searchable passages for full text,
/// exact cosine over their embeddings for meaning. One process; nothing survives a restart.
/// </summary>
public sealed class InMemoryDocumentIndex : IDocumentIndex
{
    private readonly ConcurrentDictionary<string, InMemoryTenantDocuments> _tenants = new(StringComparer.Ordinal);

    public Task DeclareAsync(string tenant, IndexedDocument document, CancellationToken cancellationToken)
    {
        DocumentIndexRules.ValidateDeclaration(document);
        return Write(tenant, documents => documents.Declare(document));
    }

    public Task PutChunksAsync(string tenant, string documentId, IReadOnlyList<DocumentChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return Write(tenant, documents => documents.PutChunks(documentId, chunks));
    }

    public Task<IReadOnlyList<DocumentChunk>> GetChunksAsync(string tenant, string documentId, int from, int count, CancellationToken cancellationToken)
    {
        DocumentIndexRules.ValidateRange(from, count);
        return Read(tenant, documents => documents.GetChunks(documentId, from, count));
    }

    public Task SetEmbeddingsAsync(
        string tenant, string documentId, string model, IReadOnlyList<(int Index, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken)
    {
        DocumentIndexRules.ValidateEmbeddings(embeddings);
        ArgumentException.ThrowIfNullOrEmpty(model);
        return Write(tenant, documents => documents.SetEmbeddings(documentId, model, embeddings));
    }

    public Task<int> CountEmbeddedAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        Read(tenant, documents => documents.CountEmbedded(documentId));

    public Task MarkSearchableAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        Write(tenant, documents => documents.MarkSearchable(documentId));

    public Task RemoveAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        Write(tenant, documents => documents.Remove(documentId));

    public Task<IReadOnlyList<IndexedDocument>> ListSearchableAsync(string tenant, CancellationToken cancellationToken) =>
        Read(tenant, documents => documents.ListSearchable());

    public Task<IReadOnlyList<DocumentHit>> LexicalAsync(string tenant, string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(tenant, documents => documents.Lexical(query, limit));
    }

    public Task<IReadOnlyList<DocumentHit>> SemanticAsync(string tenant, ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(tenant, documents => documents.Semantic(vector, model, limit));
    }

    public Task<IReadOnlyList<StaleDocumentChunk>> StaleChunksAsync(string tenant, string model, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(tenant, documents => documents.StaleChunks(model, limit));
    }

    public Task ReplaceStaleAsync(
        string tenant, string model, IReadOnlyList<(StaleDocumentChunk Chunk, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        DocumentIndexRules.ValidateEmbeddings([.. embeddings.Select(e => (e.Chunk.Index, e.Vector))]);
        ArgumentException.ThrowIfNullOrEmpty(model);
        return Write(tenant, documents => documents.ReplaceStale(model, embeddings));
    }

    private Task Write(string tenant, Action<InMemoryTenantDocuments> write)
    {
        var documents = Tenant(tenant);
        lock (documents)
        {
            write(documents);
        }

        return Task.CompletedTask;
    }

    private Task<T> Read<T>(string tenant, Func<InMemoryTenantDocuments, T> read)
    {
        var documents = Tenant(tenant);
        lock (documents)
        {
            return Task.FromResult(read(documents));
        }
    }

    private InMemoryTenantDocuments Tenant(string tenant)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        return _tenants.GetOrAdd(tenant, static _ => new InMemoryTenantDocuments());
    }
}
