using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AdrPlatform.Model;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains.Jobs;

/// <summary>
/// The tenant's jobs, newest view of each: answers ListJobs and feeds the live board. Finished jobs
/// beyond the newest <see cref="MaxFinishedJobs"/> are dropped from the board (the job grains keep them).
/// </summary>
[OnSiloRole(SiloRoles.Worker)]
public sealed class JobBoardGrain(
    [PersistentState("job-board", StorageNames.Jobs)] IPersistentState<JobBoardState> state) : Grain, IJobBoardGrain
{
    internal const int MaxFinishedJobs = 10_000;
    private const int WatcherBuffer = 1_024;
    private readonly List<(string? User, Channel<JobView> Channel)> _watchers = [];

    // Admitted jobs whose queued view has not arrived yet. In memory: a silo lost in between frees them.
    private readonly HashSet<string> _admitted = new(StringComparer.Ordinal);
    private GroupCommit? _commit;

    public Task<bool> TryAdmitAsync(string jobId, int maxActive)
    {
        var others = state.State.Jobs.Values.Count(job => !job.IsFinished && job.Id != jobId)
            + _admitted.Count(id => id != jobId && !state.State.Jobs.ContainsKey(id));
        var admitted = others < maxActive;
        if (admitted)
        {
            _admitted.Add(jobId);
        }

        return Task.FromResult(admitted);
    }

    public Task ReleaseAsync(string jobId)
    {
        _admitted.Remove(jobId);
        return Task.CompletedTask;
    }

    public async Task UpsertAsync(JobView job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _admitted.Remove(job.Id);
        if (state.State.Jobs.TryGetValue(job.Id, out var known) &&
            (known.Attempt, known.LastSequence).CompareTo((job.Attempt, job.LastSequence)) >= 0)
        {
            return;
        }

        state.State.Jobs[job.Id] = job;
        Trim();
        foreach (var (user, channel) in _watchers)
        {
            if (user is null || user == job.SubmittedBy)
            {
                channel.Writer.TryWrite(job);
            }
        }

        await (_commit ??= new GroupCommit(state.WriteStateAsync)).PersistAsync();
    }

    public Task<JobPage> ListAsync(JobListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = state.State.Jobs.Values
            .Where(job => query.SubmittedBy is null || job.SubmittedBy == query.SubmittedBy)
            .Where(job => query.Kind is null || job.Kind == query.Kind)
            .Where(job => query.States.IsDefaultOrEmpty || query.States.Contains(job.State))
            .OrderByDescending(job => job.CreatedAt).ThenByDescending(job => job.Id, StringComparer.Ordinal)
            .Skip(query.Offset)
            .Take(query.PageSize + 1)
            .ToList();
        var hasMore = matching.Count > query.PageSize;
        return Task.FromResult(new JobPage([.. matching.Take(query.PageSize)], hasMore));
    }

    public async IAsyncEnumerable<JobView> WatchAsync(string? user, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var live = Channel.CreateBounded<JobView>(new BoundedChannelOptions(WatcherBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        _watchers.Add((user, live));
        var active = state.State.Jobs.Values
            .Where(job => !job.IsFinished && (user is null || job.SubmittedBy == user))
            .OrderBy(job => job.CreatedAt)
            .ToList();
        try
        {
            foreach (var job in active)
            {
                yield return job;
            }

            await foreach (var job in live.Reader.ReadAllAsync(cancellationToken))
            {
                yield return job;
            }
        }
        finally
        {
            _watchers.RemoveAll(watcher => watcher.Channel == live);
        }
    }

    private void Trim()
    {
        var finished = state.State.Jobs.Values.Where(job => job.IsFinished).ToList();
        if (finished.Count <= MaxFinishedJobs)
        {
            return;
        }

        foreach (var old in finished.OrderBy(job => job.UpdatedAt).Take(finished.Count - MaxFinishedJobs))
        {
            state.State.Jobs.Remove(old.Id);
        }
    }
}
