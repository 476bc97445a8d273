using AdrPlatform.Model;

namespace AdrPlatform.Grains.Jobs;

[GenerateSerializer, Alias("job.state")]
public sealed class JobGrainState
{
    [Id(0)]
    public JobView? Job { get; set; }

    /// <summary>The progress log, oldest first, at most <see cref="JobGrain.MaxEvents"/>.</summary>
    [Id(1)]
    public List<JobEventView> Events { get; set; } = [];

    [Id(2)]
    public string ContentSha256 { get; set; } = "";

    /// <summary>The attempt whose start event is on its topic; below Job.Attempt means it must still be published.</summary>
    [Id(3)]
    public int PublishedAttempt { get; set; }

    /// <summary>Worker event ids already applied, newest last, so a redelivered report changes nothing.</summary>
    [Id(4)]
    public List<string> AppliedEventIds { get; set; } = [];

    /// <summary>The last error a worker hit in the current attempt, for the reason of a failure.</summary>
    [Id(5)]
    public string? LastError { get; set; }
}
