namespace AdrPlatform.Model;

/// <summary>One uploaded document to ingest. The content is not modified after it is handed over.</summary>
[GenerateSerializer, Immutable, Alias("job.ingestion-request")]
public sealed record IngestionRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] string MediaType,
    [property: Id(2)] ReadOnlyMemory<byte> Content,
    [property: Id(3)] string? IdempotencyKey,
    [property: Id(4)] string SubmittedBy);
