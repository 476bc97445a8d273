namespace AdrPlatform.Domain.Jobs;

/// <summary>Settings of document ingestion (configuration section "Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>The largest upload accepted; larger ones are refused at submit with RESOURCE_EXHAUSTED.</summary>
    public int MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxNameLength { get; set; } = 255;

    /// <summary>Queued or running jobs a tenant may have at once; a submit or retry beyond it is refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxActiveJobsPerTenant { get; set; } = 100;

    /// <summary>Chunks per embeddings request (and per embeddings.requested event).</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    public int ChunkMaxChars { get; set; } = 1200;

    public int ChunkOverlapChars { get; set; } = 150;

    /// <summary>Tries of one embeddings batch that the provider rate-limits, with exponential backoff, before it fails.</summary>
    public int RateLimitRetries { get; set; } = 5;

    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromMilliseconds(500);
}
