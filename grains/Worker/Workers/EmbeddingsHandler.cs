using AdrPlatform.Domain.Jobs;
using AdrPlatform.Events;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Workers;

/// <summary>
/// Embeds one batch of a document's chunks, stores the vectors with them, reports how many of the
/// document's chunks have vectors, and makes the document searchable when that is all of them.
/// A cancelled job stops here, between batches.
/// </summary>
public sealed class EmbeddingsHandler(
    IDocumentIndex documents,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    EmbeddingModel model,
    JobReporter jobs)
{
    public async Task HandleAsync(EmbeddingsRequested request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await jobs.ShouldContinueAsync(request))
        {
            return;
        }

        var chunks = await documents.GetChunksAsync(request.Tenant, request.DocumentId, request.From, request.Count, cancellationToken);
        if (chunks.Count == 0)
        {
            return; // the document was removed (cancelled or retried) since the request was made
        }

        var embeddings = await EmbedAsync([.. chunks.Select(c => $"{c.Heading}\n{c.Text}")], cancellationToken);
        if (!await jobs.ShouldContinueAsync(request))
        {
            return;
        }

        await documents.SetEmbeddingsAsync(request.Tenant, request.DocumentId, model.Id,
            [.. chunks.Select((chunk, i) => (chunk.Index, embeddings[i].Vector))], cancellationToken);
        var embedded = await documents.CountEmbeddedAsync(request.Tenant, request.DocumentId, cancellationToken);
        await jobs.ProgressAsync(request, JobStages.Embed, embedded, request.Total);
        if (embedded < request.Total || !await jobs.ShouldContinueAsync(request))
        {
            return;
        }

        await documents.MarkSearchableAsync(request.Tenant, request.DocumentId, cancellationToken);
        await jobs.ProgressAsync(request, JobStages.Index, 1, 1, "searchable");
        await jobs.SucceededAsync(request, $"{request.Total} passages searchable");
    }

    /// <summary>One provider call for the batch (the provider's adapter retries a rate-limited one).</summary>
    private async Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: cancellationToken);
        return embeddings.Count == texts.Count
            ? embeddings
            : throw new InvalidOperationException($"The embedding provider returned {embeddings.Count} embeddings for {texts.Count} inputs.");
    }
}
