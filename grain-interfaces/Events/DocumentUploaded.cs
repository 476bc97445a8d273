namespace AdrPlatform.Events;

/// <summary>An upload is stored (blob id = document id) and waits to be parsed and chunked.</summary>
[GenerateSerializer, Immutable, Alias("event.document-uploaded")]
public sealed record DocumentUploaded(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Tenant,
    [property: Id(2)] string JobId,
    [property: Id(3)] int Attempt,
    [property: Id(4)] string DocumentId,
    [property: Id(5)] string Name,
    [property: Id(6)] string MediaType) : IJobEvent;
