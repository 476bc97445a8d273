using AdrPlatform.Events;
using AdrPlatform.Grains;
using AdrPlatform.Ports;

namespace AdrPlatform.Workers;

/// <summary>
/// How workers talk about a job: reports go on the job.progress topic (ids derived from the event that
/// caused them, so a redelivered event reports nothing new); whether to go on is asked of the job grain.
/// </summary>
public sealed class JobReporter(IEventPublisher events, IGrainFactory grains)
{
    public Task<bool> ShouldContinueAsync(IJobEvent cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return grains.GetGrain<IJobGrain>($"{cause.Tenant}/{cause.JobId}").ShouldContinueAsync(cause.Attempt);
    }

    /// <summary>
    /// Runs <paramref name="work"/>, asking the job every <paramref name="pollInterval"/> whether it is still wanted and
    /// cancelling the work's token when it is not (the job was cancelled, or a newer attempt took over).
    /// </summary>
    public async Task<T> WhileWantedAsync<T>(IJobEvent cause, TimeSpan pollInterval, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = work(unwanted.Token);
        while (await Task.WhenAny(running, Task.Delay(pollInterval, cancellationToken)) != running)
        {
            if (!await ShouldContinueAsync(cause))
            {
                await unwanted.CancelAsync();
                break;
            }
        }

        return await running;
    }

    public Task ProgressAsync(IJobEvent cause, string stage, long done, long total, string message = "") =>
        PublishAsync(cause, stage, done, total, JobOutcome.Progress, message);

    public Task SucceededAsync(IJobEvent cause, string result) => PublishAsync(cause, "", 0, 0, JobOutcome.Succeeded, result);

    public Task FailedAsync(IJobEvent cause, string reason) => PublishAsync(cause, "", 0, 0, JobOutcome.Failed, reason);

    private Task PublishAsync(IJobEvent cause, string stage, long done, long total, JobOutcome outcome, string message)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var id = $"{cause.EventId}>{outcome}:{stage}:{done}/{total}";
        var report = new JobProgressed(id, cause.Tenant, cause.JobId, cause.Attempt, stage, done, total, outcome, message);
        return events.PublishAsync(EventTopics.JobProgress, cause.Tenant, report);
    }
}
