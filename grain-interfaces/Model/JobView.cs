using System.Collections.Immutable;

namespace AdrPlatform.Model;

/// <summary>A job as its owner and the tenant's admins see it.</summary>
[GenerateSerializer, Immutable, Alias("job.view")]
public sealed record JobView(
    [property: Id(0)] string Id,
    [property: Id(1)] JobKind Kind,
    [property: Id(2)] JobState State,
    [property: Id(3)] string SubmittedBy,
    [property: Id(4)] string DocumentName,
    [property: Id(5)] string MediaType,
    [property: Id(6)] long SizeBytes,
    [property: Id(7)] ImmutableArray<JobStageView> Stages,
    [property: Id(8)] double Percent,
    [property: Id(9)] string? Error,
    [property: Id(10)] string? Result,
    [property: Id(11)] string DocumentId,
    [property: Id(12)] int Attempt,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset UpdatedAt,
    [property: Id(15)] long LastSequence)
{
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
