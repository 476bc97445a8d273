using System.Collections.Immutable;
using AdrPlatform.Domain.Search;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace AdrPlatform.Grains.Search;

/// <summary>
/// Re-reads ADRs and writes their passages and embeddings to the search index. Each call indexes
/// the ADR as it is now, so repeated or reordered calls converge; the index ignores older versions.
/// </summary>
[StatelessWorker]
public sealed partial class AdrIndexerGrain(
    IAdrStore store,
    ISearchIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    ILogger<AdrIndexerGrain> logger) : Grain, IAdrIndexerGrain
{
    public async Task ReindexAsync(ImmutableArray<int> numbers)
    {
        var tenant = this.GetPrimaryKeyString();
        foreach (var number in numbers)
        {
            try
            {
                await Reindex(tenant, number);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogFailed(logger, error, number);
            }
        }
    }

    private async Task Reindex(string tenant, int number)
    {
        var record = await store.FindAsync(tenant, number, CancellationToken.None);
        if (record is null || record.IsDeleted)
        {
            await index.RemoveAsync(tenant, number, CancellationToken.None);
            return;
        }

        var chunks = MarkdownChunker.Chunk(record.Content.Title, record.Content.Body, ChunkingOptions.Default);
        // The configured generator splits this into provider-sized batches.
        var vectors = await embeddings.GenerateAsync(chunks.Select(c => c.Heading + "\n" + c.Text), cancellationToken: CancellationToken.None);

        var content = record.Content;
        var document = new SearchDocument(
            number, record.Version, content.Title, record.Status, content.Tags, record.CreatedBy, content.Deciders,
            content.DecisionDate ?? DateOnly.FromDateTime(record.CreatedAt.UtcDateTime));
        await index.ReplaceAsync(tenant, document, [.. chunks.Select((c, i) => new IndexedChunk(c.Index, c.Heading, c.Text, vectors[i].Vector))], CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing ADR {Number} failed; it stays as it was in the search index until its next change")]
    private static partial void LogFailed(ILogger logger, Exception error, int number);
}
