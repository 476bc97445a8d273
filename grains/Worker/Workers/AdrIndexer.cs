using AdrPlatform.Domain.Search;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Workers;

/// <summary>
/// Re-reads an ADR and writes its passages and embeddings to the search index. Each call indexes the
/// ADR as it is now, so repeated or reordered adr.changed events converge; the index ignores older versions.
/// </summary>
public sealed class AdrIndexer(
    IAdrStore store,
    ISearchIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbeddingModel model)
{
    public async Task ReindexAsync(string tenant, int number, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(tenant, number, cancellationToken);
        if (record is null || record.IsDeleted)
        {
            await index.RemoveAsync(tenant, number, cancellationToken);
            return;
        }

        var chunks = MarkdownChunker.Chunk(record.Content.Title, record.Content.Body, ChunkingOptions.Default);
        // The configured generator splits this into provider-sized batches.
        var vectors = await embeddings.GenerateAsync(chunks.Select(c => c.Heading + "\n" + c.Text), cancellationToken: cancellationToken);

        var content = record.Content;
        var document = new SearchDocument(
            number, record.Version, content.Title, record.Status, content.Tags, record.CreatedBy, content.Deciders,
            content.DecisionDate ?? DateOnly.FromDateTime(record.CreatedAt.UtcDateTime));
        await index.ReplaceAsync(tenant, document, [.. chunks.Select((c, i) => new IndexedChunk(c.Index, c.Heading, c.Text, vectors[i].Vector, model.Id))], cancellationToken);
    }

}
