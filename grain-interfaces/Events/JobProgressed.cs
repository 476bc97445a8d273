namespace AdrPlatform.Events;

/// <summary>A worker's report on a job: progress of a stage, or the end (Message: result or reason).</summary>
[GenerateSerializer, Immutable, Alias("event.job-progressed")]
public sealed record JobProgressed(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Tenant,
    [property: Id(2)] string JobId,
    [property: Id(3)] int Attempt,
    [property: Id(4)] string Stage,
    [property: Id(5)] long Done,
    [property: Id(6)] long Total,
    [property: Id(7)] JobOutcome Outcome,
    [property: Id(8)] string Message) : IJobEvent;
