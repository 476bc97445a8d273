namespace AdrPlatform.Events;

/// <summary>
/// The platform's event streams: each namespace is a topic (Kafka) or a memory-stream namespace
/// (embedded default); the stream key is the tenant, so one tenant's events stay in order.
/// </summary>
public static class EventTopics
{
    public const string Provider = "events";

    public const string DocumentUploaded = "document.uploaded";

    public const string EmbeddingsRequested = "embeddings.requested";

    public const string JobProgress = "job.progress";

    public const string AdrChanged = "adr.changed";

    public static IReadOnlyList<string> All { get; } = [DocumentUploaded, EmbeddingsRequested, JobProgress, AdrChanged];
}
