using AdrPlatform.Events;
using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>
/// One job and its state machine (queued, running, succeeded, failed, cancelled). Key: "tenant/job".
/// Calls that act for a person name them; a job answers only its submitter and the tenant's admins
/// (anyone else gets NOT_FOUND, like a job that does not exist).
/// </summary>
[Alias("job.grain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Stores the upload and queues it; a repeated submit answers the job as it is.</summary>
    [Alias("submit-ingestion")]
    Task<JobView> SubmitIngestionAsync(IngestionRequest request);

    [Alias("get")]
    Task<JobView> GetAsync(string user, bool isAdmin);

    [Alias("cancel")]
    Task<JobView> CancelAsync(string user, bool isAdmin);

    [Alias("retry")]
    Task<JobView> RetryAsync(string user, bool isAdmin);

    /// <summary>Progress events after <paramref name="afterSequence"/>, then live ones; ends when the job ends.</summary>
    [AlwaysInterleave, Alias("watch")]
    IAsyncEnumerable<JobEventView> WatchAsync(string user, bool isAdmin, long afterSequence, CancellationToken cancellationToken);

    /// <summary>A worker's report, from the job.progress stream; stale attempts and repeats are ignored.</summary>
    [Alias("apply")]
    Task ApplyAsync(JobProgressed progress);

    /// <summary>A worker's handling of an event of this attempt threw; kept so a later failure can say why.</summary>
    [Alias("note-error")]
    Task NoteErrorAsync(int attempt, string description);

    /// <summary>Fails the attempt (e.g. its event went to a dead-letter topic), with the last noted error.</summary>
    [Alias("fail")]
    Task FailAsync(int attempt, string reason);

    /// <summary>Whether workers should go on with this attempt: false once it is cancelled, failed, finished or retried.</summary>
    [AlwaysInterleave, ReadOnly, Alias("should-continue")]
    Task<bool> ShouldContinueAsync(int attempt);
}
