using AdrPlatform.Domain.Search;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.InMemory;

/// <summary>
/// One tenant's ingested documents. Only searchable documents' passages are in the BM25 index, so
/// documents still being ingested neither match nor skew the term statistics. Steps for an undeclared
/// document are ignored (see <see cref="DocumentIndexRules"/>). Not thread-safe: callers lock.
/// </summary>
internal sealed class InMemoryTenantDocuments
{
    private readonly Dictionary<string, InMemoryStoredDocument> _documents = new(StringComparer.Ordinal);
    private readonly Bm25Index<DocumentChunkKey> _text = new();

    public void Declare(IndexedDocument document)
    {
        Remove(document.DocumentId);
        _documents[document.DocumentId] = new InMemoryStoredDocument(document);
    }

    public void PutChunks(string documentId, IReadOnlyList<DocumentChunk> chunks)
    {
        if (!_documents.TryGetValue(documentId, out var document))
        {
            return;
        }

        DocumentIndexRules.ValidateChunks(documentId, document.Info.ChunkCount, chunks);
        foreach (var chunk in chunks)
        {
            var unchanged = document.Chunks.TryGetValue(chunk.Index, out var stored) && stored.Heading == chunk.Heading && stored.Text == chunk.Text;
            document.Chunks[chunk.Index] = unchanged ? stored! : new InMemoryStoredChunk(chunk.Heading, chunk.Text, null, null);
            if (document.Searchable)
            {
                _text.Upsert(new DocumentChunkKey(documentId, chunk.Index), SearchableText(chunk.Heading, chunk.Text));
            }
        }
    }

    public IReadOnlyList<DocumentChunk> GetChunks(string documentId, int from, int count)
    {
        if (!_documents.TryGetValue(documentId, out var document))
        {
            return [];
        }

        var to = (long)from + count;
        return [.. document.Chunks.Where(c => c.Key >= from && c.Key < to).Select(c => new DocumentChunk(c.Key, c.Value.Heading, c.Value.Text))];
    }

    public void SetEmbeddings(string documentId, string model, IReadOnlyList<(int Index, ReadOnlyMemory<float> Vector)> embeddings)
    {
        if (!_documents.TryGetValue(documentId, out var document))
        {
            return;
        }

        foreach (var (index, vector) in embeddings)
        {
            if (document.Chunks.TryGetValue(index, out var chunk))
            {
                document.Chunks[index] = chunk with { Embedding = vector.ToArray(), EmbeddingModel = model };
            }
        }
    }

    public IReadOnlyList<StaleDocumentChunk> StaleChunks(string model, int limit) =>
        [.. _documents.Values
            .SelectMany(d => d.Chunks
                .Where(c => c.Value.Embedding is not null && c.Value.EmbeddingModel != model)
                .Select(c => new StaleDocumentChunk(d.Info.DocumentId, c.Key, c.Value.Heading, c.Value.Text, c.Value.EmbeddingModel)))
            .Take(limit)];

    public void ReplaceStale(string model, IReadOnlyList<(StaleDocumentChunk Chunk, ReadOnlyMemory<float> Vector)> embeddings)
    {
        foreach (var (stale, vector) in embeddings)
        {
            if (_documents.TryGetValue(stale.DocumentId, out var document)
                && document.Chunks.TryGetValue(stale.Index, out var chunk)
                && chunk.Embedding is not null && chunk.EmbeddingModel == stale.Model && chunk.Heading == stale.Heading && chunk.Text == stale.Text)
            {
                document.Chunks[stale.Index] = chunk with { Embedding = vector.ToArray(), EmbeddingModel = model };
            }
        }
    }

    public int CountEmbedded(string documentId) =>
        _documents.TryGetValue(documentId, out var document) ? document.Chunks.Values.Count(c => c.Embedding is not null) : 0;

    public void MarkSearchable(string documentId)
    {
        if (!_documents.TryGetValue(documentId, out var document))
        {
            return;
        }

        if (document.Chunks.Count != document.Info.ChunkCount)
        {
            throw DocumentIndexRules.Incomplete(documentId, document.Chunks.Count, document.Info.ChunkCount);
        }

        if (document.Searchable)
        {
            return;
        }

        document.Searchable = true;
        foreach (var (index, chunk) in document.Chunks)
        {
            _text.Upsert(new DocumentChunkKey(documentId, index), SearchableText(chunk.Heading, chunk.Text));
        }
    }

    public void Remove(string documentId)
    {
        if (_documents.Remove(documentId, out var document) && document.Searchable)
        {
            foreach (var index in document.Chunks.Keys)
            {
                _text.Remove(new DocumentChunkKey(documentId, index));
            }
        }
    }

    public IReadOnlyList<IndexedDocument> ListSearchable() =>
        [.. _documents.Values.Where(d => d.Searchable).Select(d => d.Info).OrderBy(d => d.DocumentId, StringComparer.Ordinal)];

    public IReadOnlyList<DocumentHit> Lexical(string query, int limit) =>
        [.. _text.Search(query, limit).Select(r => Hit(r.Key, r.Score))];

    public IReadOnlyList<DocumentHit> Semantic(ReadOnlyMemory<float> vector, string model, int limit) =>
        [.. _documents.Values
            .Where(d => d.Searchable)
            .SelectMany(d => d.Chunks
                .Where(c => c.Value.Embedding is not null && c.Value.EmbeddingModel == model)
                .Select(c => (Key: new DocumentChunkKey(d.Info.DocumentId, c.Key), Score: (double)VectorMath.Cosine(vector.Span, c.Value.Embedding))))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Key)
            .Take(limit)
            .Select(s => Hit(s.Key, s.Score))];

    private static string SearchableText(string heading, string text) => heading + "\n" + text;

    private DocumentHit Hit(DocumentChunkKey key, double score)
    {
        var document = _documents[key.DocumentId];
        var chunk = document.Chunks[key.Index];
        return new DocumentHit(key.DocumentId, document.Info.Name, key.Index, chunk.Heading, chunk.Text, score);
    }
}
