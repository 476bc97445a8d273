using System.Collections.Concurrent;
using AdrPlatform.Domain.Search;
using AdrPlatform.Model;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.InMemory;

/// <summary>
/// The embedded default's search index: BM25 over passages for full text, exact cosine over every
/// passage embedding of the asked model for meaning. One process; nothing survives a restart.
/// </summary>
public sealed class InMemorySearchIndex : ISearchIndex
{
    private readonly ConcurrentDictionary<string, TenantIndex> _tenants = new(StringComparer.Ordinal);

    public Task ReplaceAsync(string tenant, SearchDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(chunks);
        var index = Tenant(tenant);
        lock (index)
        {
            if (index.Documents.TryGetValue(document.Number, out var existing) && existing.Document.Version > document.Version)
            {
                return Task.CompletedTask;
            }

            index.Remove(document.Number);
            index.Documents[document.Number] = (document, chunks);
            foreach (var chunk in chunks)
            {
                index.Text.Upsert((document.Number, chunk.Index), document.Title + "\n" + chunk.Heading + "\n" + chunk.Text);
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string tenant, int number, CancellationToken cancellationToken)
    {
        var index = Tenant(tenant);
        lock (index)
        {
            index.Remove(number);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChunkHit>> LexicalAsync(string tenant, string query, SearchFilter filter, int limit, CancellationToken cancellationToken)
    {
        var index = Tenant(tenant);
        lock (index)
        {
            var ranked = index.Text.Search(query, limit, key => SearchFilterRules.Matches(index.Documents[key.Number].Document, filter));
            IReadOnlyList<ChunkHit> hits = [.. ranked.Select(r => index.Hit(r.Key.Number, r.Key.Chunk, r.Score))];
            return Task.FromResult(hits);
        }
    }

    public Task<IReadOnlyList<ChunkHit>> SemanticAsync(
        string tenant, ReadOnlyMemory<float> vector, string model, SearchFilter filter, int? excludeNumber, int limit, CancellationToken cancellationToken)
    {
        var index = Tenant(tenant);
        lock (index)
        {
            // Exact search: every passage is scored; a bounded min-heap keeps the best `limit`.
            var best = new PriorityQueue<(int Number, int Chunk, double Score), (double, int, int)>();
            foreach (var (document, chunks) in index.Documents.Values)
            {
                if (document.Number == excludeNumber || !SearchFilterRules.Matches(document, filter))
                {
                    continue;
                }

                foreach (var chunk in chunks.Where(c => c.EmbeddingModel == model))
                {
                    var score = (double)VectorMath.Cosine(vector.Span, chunk.Embedding.Span);
                    var priority = (score, -document.Number, -chunk.Index);
                    if (best.Count < limit)
                    {
                        best.Enqueue((document.Number, chunk.Index, score), priority);
                    }
                    else if (limit > 0 && priority.CompareTo(PeekPriority(best)) > 0)
                    {
                        best.EnqueueDequeue((document.Number, chunk.Index, score), priority);
                    }
                }
            }

            var ranked = new List<(int Number, int Chunk, double Score)>(best.Count);
            while (best.TryDequeue(out var entry, out _))
            {
                ranked.Add(entry);
            }

            ranked.Reverse();
            IReadOnlyList<ChunkHit> hits = [.. ranked.Select(r => index.Hit(r.Number, r.Chunk, r.Score))];
            return Task.FromResult(hits);
        }
    }

    private static (double, int, int) PeekPriority(PriorityQueue<(int Number, int Chunk, double Score), (double, int, int)> queue) =>
        queue.TryPeek(out _, out var priority) ? priority : default;

    public Task<float[]?> AdrVectorAsync(string tenant, int number, string model, CancellationToken cancellationToken)
    {
        var index = Tenant(tenant);
        lock (index)
        {
            var chunks = index.Documents.TryGetValue(number, out var entry) ? entry.Chunks.Where(c => c.EmbeddingModel == model).ToList() : [];
            if (chunks.Count == 0)
            {
                return Task.FromResult<float[]?>(null);
            }

            var mean = new float[chunks[0].Embedding.Length];
            foreach (var chunk in chunks)
            {
                var values = chunk.Embedding.Span;
                for (var i = 0; i < mean.Length; i++)
                {
                    mean[i] += values[i];
                }
            }

            VectorMath.Normalize(mean);
            return Task.FromResult<float[]?>(mean);
        }
    }

    public Task<IReadOnlyList<int>> StaleAsync(string tenant, string model, int limit, CancellationToken cancellationToken)
    {
        var index = Tenant(tenant);
        lock (index)
        {
            IReadOnlyList<int> stale = [.. index.Documents.Values
                .Where(entry => entry.Chunks.Any(c => c.EmbeddingModel != model))
                .Select(entry => entry.Document.Number)
                .Order()
                .Take(limit)];
            return Task.FromResult(stale);
        }
    }

    private TenantIndex Tenant(string tenant) => _tenants.GetOrAdd(tenant, static _ => new TenantIndex());

    private sealed class TenantIndex
    {
        public Dictionary<int, (SearchDocument Document, IReadOnlyList<IndexedChunk> Chunks)> Documents { get; } = [];

        public Bm25Index<(int Number, int Chunk)> Text { get; } = new();

        public void Remove(int number)
        {
            if (Documents.Remove(number, out var entry))
            {
                foreach (var chunk in entry.Chunks)
                {
                    Text.Remove((number, chunk.Index));
                }
            }
        }

        public ChunkHit Hit(int number, int chunkIndex, double score)
        {
            var (document, chunks) = Documents[number];
            var chunk = chunks[chunkIndex];
            return new ChunkHit(number, document.Title, document.Status, chunk.Index, chunk.Heading, chunk.Text, score);
        }
    }
}
