namespace AdrPlatform.Events;

/// <summary>Chunks [From, From + Count) of a document, of Total, need their embeddings.</summary>
[GenerateSerializer, Immutable, Alias("event.embeddings-requested")]
public sealed record EmbeddingsRequested(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Tenant,
    [property: Id(2)] string JobId,
    [property: Id(3)] int Attempt,
    [property: Id(4)] string DocumentId,
    [property: Id(5)] int From,
    [property: Id(6)] int Count,
    [property: Id(7)] int Total) : IJobEvent;
