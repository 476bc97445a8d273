using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Domain.Jobs;
using AdrPlatform.Errors;
using AdrPlatform.Events;
using AdrPlatform.Model;
using AdrPlatform.Observability;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains.Jobs;

/// <summary>
/// One job: records the upload, starts each attempt by publishing its first event, applies the workers'
/// reports (from job.progress) to its state machine, keeps the progress log for watchers, and cleans up
/// a cancelled or failed attempt's partial passages.
/// </summary>
[OnSiloRole(SiloRoles.Worker)]
public sealed partial class JobGrain(
    [PersistentState("job", StorageNames.Jobs)] IPersistentState<JobGrainState> state,
    IBlobStore blobs,
    IDocumentIndex documents,
    IEventPublisher events,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<JobGrain> logger) : Grain, IJobGrain
{
    internal const int MaxEvents = 2_000;
    private const int RememberedEventIds = 256;
    private const int WatcherBuffer = 1_024;
    private readonly List<Channel<JobEventView>> _watchers = [];
    private GroupCommit? _commit;

    private string Tenant => this.GetPrimaryKeyString().Split('/')[0];

    private string JobId => this.GetPrimaryKeyString().Split('/')[1];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A start event that never reached its topic (the silo died in between) is published now.
        if (state.State.Job is { IsFinished: false } job && state.State.PublishedAttempt < job.Attempt)
        {
            await PublishStartAsync(job);
        }
    }

    public async Task<JobView> SubmitIngestionAsync(IngestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content.Span));
        if (state.State.Job is { } existing)
        {
            if (existing.SubmittedBy != request.SubmittedBy || state.State.ContentSha256 != sha256 || existing.DocumentName != request.Name)
            {
                throw new AdrPlatformException(ErrorKind.AlreadyExists, "That idempotency key was already used for another upload.");
            }

            if (!existing.IsFinished && state.State.PublishedAttempt < existing.Attempt)
            {
                await PublishStartAsync(existing);
            }

            return existing;
        }

        await AdmitAsync(async () =>
        {
            await blobs.PutAsync(Tenant, JobId, request.MediaType, request.Content, CancellationToken.None);
            var now = clock.GetUtcNow();
            var job = new JobView(JobId, JobKind.Ingestion, JobState.Queued, request.SubmittedBy, request.Name, request.MediaType,
                request.Content.Length, [], 0, null, null, DocumentId: JobId, Attempt: 1, now, now, LastSequence: 0);
            state.State.ContentSha256 = sha256;
            await CommitAsync(JobLifecycle.Submit(job, now));
        });
        await PublishStartAsync(state.State.Job!);
        LogSubmitted(logger, Tenant, JobId, LogText.Escape(request.MediaType, DocumentMediaTypes.MaxEchoedLength), request.Content.Length);
        return state.State.Job!;
    }

    public Task<JobView> GetAsync(string user, bool isAdmin) => Task.FromResult(Visible(user, isAdmin));

    public async Task<JobView> CancelAsync(string user, bool isAdmin)
    {
        var job = Visible(user, isAdmin);
        await CommitAsync(JobLifecycle.Cancel(job, clock.GetUtcNow()));
        await RemovePartialResultsAsync();
        return state.State.Job!;
    }

    public async Task<JobView> RetryAsync(string user, bool isAdmin)
    {
        var job = Visible(user, isAdmin);
        var retried = JobLifecycle.Retry(job, clock.GetUtcNow());
        await AdmitAsync(() =>
        {
            state.State.LastError = null;
            return CommitAsync(retried);
        });
        await PublishStartAsync(state.State.Job!);
        return state.State.Job!;
    }

    public async IAsyncEnumerable<JobEventView> WatchAsync(string user, bool isAdmin, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Visible(user, isAdmin);
        // Registered and read in one turn, so no event falls between the log and the live feed.
        var live = Channel.CreateBounded<JobEventView>(new BoundedChannelOptions(WatcherBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        _watchers.Add(live);
        var logged = state.State.Events.Where(e => e.Sequence > afterSequence).ToList();
        var finished = state.State.Job!.IsFinished;
        try
        {
            var last = afterSequence;
            foreach (var item in logged)
            {
                last = item.Sequence;
                yield return item;
            }

            if (finished)
            {
                yield break;
            }

            await foreach (var item in live.Reader.ReadAllAsync(cancellationToken))
            {
                if (item.Sequence <= last)
                {
                    continue;
                }

                last = item.Sequence;
                yield return item;
                if (item.State is JobState.Succeeded or JobState.Failed or JobState.Cancelled)
                {
                    yield break;
                }
            }
        }
        finally
        {
            _watchers.Remove(live);
        }
    }

    public async Task ApplyAsync(JobProgressed progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (state.State.Job is not { } job || state.State.AppliedEventIds.Contains(progress.EventId))
        {
            return;
        }

        var step = JobLifecycle.Apply(job, progress, clock.GetUtcNow());
        if (step.Event is null)
        {
            return;
        }

        state.State.AppliedEventIds.Add(progress.EventId);
        if (state.State.AppliedEventIds.Count > RememberedEventIds)
        {
            state.State.AppliedEventIds.RemoveAt(0);
        }

        await CommitAsync(step);
        if (step.Job.State == JobState.Failed)
        {
            await RemovePartialResultsAsync();
        }
    }

    public async Task NoteErrorAsync(int attempt, string description)
    {
        if (state.State.Job is { IsFinished: false } job && job.Attempt == attempt)
        {
            state.State.LastError = description;
            await PersistAsync();
        }
    }

    public async Task FailAsync(int attempt, string reason)
    {
        if (state.State.Job is not { } job)
        {
            return;
        }

        var why = state.State.LastError is { } last && job.Attempt == attempt ? $"{reason} Last error: {last}" : reason;
        var step = JobLifecycle.Fail(job, attempt, why, clock.GetUtcNow());
        if (step.Event is not null)
        {
            await CommitAsync(step);
            await RemovePartialResultsAsync();
        }
    }

    public Task<bool> ShouldContinueAsync(int attempt) =>
        Task.FromResult(state.State.Job is { IsFinished: false } job && job.Attempt == attempt);

    private JobView Visible(string user, bool isAdmin)
    {
        if (state.State.Job is { } job && (isAdmin || job.SubmittedBy == user))
        {
            return job;
        }

        throw AdrPlatformException.NotFound($"Job {JobId} was not found.");
    }

    private async Task CommitAsync(JobStep step)
    {
        state.State.Job = step.Job;
        if (step.Event is { } change)
        {
            state.State.Events.Add(change);
            if (state.State.Events.Count > MaxEvents)
            {
                state.State.Events.RemoveRange(0, state.State.Events.Count - MaxEvents);
            }

            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(change);
            }
        }

        await PersistAsync();
        await GrainFactory.GetGrain<IJobBoardGrain>(Tenant).UpsertAsync(step.Job);
        if (step.Event is not null && step.Job.IsFinished)
        {
            RecordEnd(step.Job);
        }
    }

    private void RecordEnd(JobView job)
    {
        var tags = new TagList { { "tenant", Tenant }, { "kind", job.Kind.ToString().ToLowerInvariant() }, { "state", job.State.ToString().ToLowerInvariant() } };
        PlatformTelemetry.JobsFinished.Add(1, tags);
        // The attempt began with its "queued" event (a retry's included), the last one before any progress.
        var queued = state.State.Events.LastOrDefault(e => e.State == JobState.Queued)?.At ?? job.CreatedAt;
        PlatformTelemetry.JobDuration.Record((job.UpdatedAt - queued).TotalSeconds, tags);
    }

    private Task PersistAsync() => (_commit ??= new GroupCommit(state.WriteStateAsync)).PersistAsync();

    private async Task PublishStartAsync(JobView job)
    {
        var started = new DocumentUploaded($"{JobId}:{job.Attempt}:uploaded", Tenant, JobId, job.Attempt, job.DocumentId, job.DocumentName, job.MediaType);
        await events.PublishAsync(EventTopics.DocumentUploaded, Tenant, started);
        state.State.PublishedAttempt = job.Attempt;
        await PersistAsync();
    }

    /// <summary>Runs <paramref name="start"/> if the tenant's active-job quota has room; gives the room back if it fails.</summary>
    private async Task AdmitAsync(Func<Task> start)
    {
        var board = GrainFactory.GetGrain<IJobBoardGrain>(Tenant);
        var limit = options.Value.MaxActiveJobsPerTenant;
        if (!await board.TryAdmitAsync(JobId, limit))
        {
            throw new AdrPlatformException(ErrorKind.ResourceExhausted,
                $"The tenant already has {limit} jobs queued or running, the most it may have at once; retry when one of them ends.");
        }

        try
        {
            await start();
        }
        catch
        {
            await board.ReleaseAsync(JobId);
            throw;
        }
    }

    private Task RemovePartialResultsAsync() => documents.RemoveAsync(Tenant, state.State.Job!.DocumentId, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion job {Tenant}/{Job} submitted: {MediaType}, {Bytes} bytes")]
    private static partial void LogSubmitted(ILogger logger, string tenant, string job, string mediaType, int bytes);
}
