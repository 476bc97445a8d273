using AdrPlatform.Domain.Documents;
using AdrPlatform.Domain.Jobs;
using AdrPlatform.Domain.Search;
using AdrPlatform.Events;
using AdrPlatform.Ports;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Workers;

/// <summary>
/// Step one of an ingestion: reads the stored upload, has a parser process read it (cancelled with its job), chunks it, stores the chunks (not yet
/// searchable) and asks for their embeddings in batches. Idempotent: a redelivered event declares the
/// document afresh and stores each chunk under the same key.
/// </summary>
public sealed class DocumentIngestionHandler(
    IBlobStore blobs,
    IDocumentIndex documents,
    IDocumentReader reader,
    IEventPublisher events,
    JobReporter jobs,
    IOptions<IngestionOptions> options,
    EmbeddingBatchSize embeddingBatch)
{
    /// <summary>How soon a cancelled job's parser process is killed, at the latest.</summary>
    private static readonly TimeSpan CancelPollInterval = TimeSpan.FromMilliseconds(200);

    public async Task HandleAsync(DocumentUploaded uploaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploaded);
        if (!await jobs.ShouldContinueAsync(uploaded))
        {
            return;
        }

        await jobs.ProgressAsync(uploaded, JobStages.Parse, 0, 1, $"parsing {uploaded.Name}");
        var blob = await blobs.GetAsync(uploaded.Tenant, uploaded.DocumentId, cancellationToken);
        if (blob is null)
        {
            await jobs.FailedAsync(uploaded, "The uploaded file is no longer stored.");
            return;
        }

        ParsedDocument parsed;
        try
        {
            parsed = await jobs.WhileWantedAsync(
                uploaded, CancelPollInterval, wanted => reader.ReadAsync(uploaded.Name, uploaded.MediaType, blob.Content, wanted), cancellationToken);
        }
        catch (DocumentRejectedException rejected)
        {
            await jobs.FailedAsync(uploaded, rejected.Message);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The job was cancelled while its document was read: the parser process is gone, the job has already ended.
            return;
        }

        var pages = parsed.PageCount > 0 ? $"{parsed.PageCount} pages, " : "";
        await jobs.ProgressAsync(uploaded, JobStages.Parse, 1, 1, $"parsed: {pages}{parsed.Sections.Count} sections");

        var settings = options.Value;
        var chunks = DocumentChunker.Chunk(parsed, new ChunkingOptions(settings.ChunkMaxChars, settings.ChunkOverlapChars));
        if (!await jobs.ShouldContinueAsync(uploaded))
        {
            return;
        }

        await documents.DeclareAsync(uploaded.Tenant, new IndexedDocument(uploaded.DocumentId, uploaded.Name, uploaded.MediaType, uploaded.JobId, chunks.Count), cancellationToken);
        await documents.PutChunksAsync(uploaded.Tenant, uploaded.DocumentId, [.. chunks.Select(c => new DocumentChunk(c.Index, c.Heading, c.Text))], cancellationToken);
        await jobs.ProgressAsync(uploaded, JobStages.Chunk, chunks.Count, chunks.Count, $"{chunks.Count} passages");

        // Reported before the batches go out, so the embeddings worker's counts always come after it.
        await jobs.ProgressAsync(uploaded, JobStages.Embed, 0, chunks.Count);
        var batch = embeddingBatch.Passages;
        for (var from = 0; from < chunks.Count; from += batch)
        {
            var count = Math.Min(batch, chunks.Count - from);
            var request = new EmbeddingsRequested($"{uploaded.EventId}:embed:{from}", uploaded.Tenant, uploaded.JobId, uploaded.Attempt, uploaded.DocumentId, from, count, chunks.Count);
            await events.PublishAsync(EventTopics.EmbeddingsRequested, uploaded.Tenant, request);
        }
    }
}
