using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Workers;

/// <summary>
/// Re-embeds, one batch at a time, a tenant's passages whose vectors were made by another model than the
/// configured one (the model changed, or the vectors predate model ids): ADRs are indexed again as they are
/// now, document passages get new vectors where they still hold the text and model they were read with.
/// </summary>
public sealed class EmbeddingRefresher(
    ISearchIndex index,
    IDocumentIndex documents,
    AdrIndexer adrs,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbeddingModel model)
{
    /// <summary>Refreshes up to <paramref name="batch"/> ADRs and as many document passages; returns how many it found stale.</summary>
    public async Task<int> RefreshBatchAsync(string tenant, int batch, CancellationToken cancellationToken)
    {
        var staleAdrs = await index.StaleAsync(tenant, model.Id, batch, cancellationToken);
        foreach (var number in staleAdrs)
        {
            await adrs.ReindexAsync(tenant, number, cancellationToken);
        }

        var staleChunks = await documents.StaleChunksAsync(tenant, model.Id, batch, cancellationToken);
        if (staleChunks.Count > 0)
        {
            var vectors = await embeddings.GenerateAsync(staleChunks.Select(c => $"{c.Heading}\n{c.Text}"), cancellationToken: cancellationToken);
            await documents.ReplaceStaleAsync(tenant, model.Id, [.. staleChunks.Select((c, i) => (c, vectors[i].Vector))], cancellationToken);
        }

        return staleAdrs.Count + staleChunks.Count;
    }
}
