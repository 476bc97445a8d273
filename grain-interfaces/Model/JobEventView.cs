namespace AdrPlatform.Model;

/// <summary>One entry of a job's progress log; Sequence counts 1, 2, 3 … per job and never repeats.</summary>
[GenerateSerializer, Immutable, Alias("job.event")]
public sealed record JobEventView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] JobState State,
    [property: Id(2)] string Stage,
    [property: Id(3)] long Done,
    [property: Id(4)] long Total,
    [property: Id(5)] string Message,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] double Percent);
