using System.Collections.Immutable;
using AdrPlatform.Errors;
using AdrPlatform.Events;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Jobs;

/// <summary>
/// The job state machine: queued → running → succeeded | failed; queued | running → cancelled;
/// failed | cancelled → queued again by a retry (a new attempt). Pure: callers pass the clock's time.
/// </summary>
public static class JobLifecycle
{
    public static JobStep Submit(JobView job, DateTimeOffset at) =>
        Record(job with { State = JobState.Queued, Stages = JobStages.Initial(job.Kind), Percent = 0 }, "queued", at);

    /// <summary>Applies a worker's report; reports for another attempt or a finished job change nothing.</summary>
    public static JobStep Apply(JobView job, JobProgressed progress, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        if (job.IsFinished || progress.Attempt != job.Attempt)
        {
            return new JobStep(job, null);
        }

        return progress.Outcome switch
        {
            JobOutcome.Succeeded => Record(Complete(job) with { State = JobState.Succeeded, Result = progress.Message, Percent = 100 }, progress.Message, at),
            JobOutcome.Failed => Fail(job, progress.Attempt, progress.Message, at),
            _ => Advance(job, progress, at),
        };
    }

    public static JobStep Fail(JobView job, int attempt, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.IsFinished || attempt != job.Attempt)
        {
            return new JobStep(job, null);
        }

        return Record(job with { State = JobState.Failed, Error = reason }, reason, at);
    }

    public static JobStep Cancel(JobView job, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.IsFinished)
        {
            throw AdrPlatformException.Precondition(
                $"Job {job.Id} is {Describe(job.State)}; only a queued or running job can be cancelled.");
        }

        return Record(job with { State = JobState.Cancelled, Error = "cancelled" }, "cancelled", at);
    }

    public static JobStep Retry(JobView job, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State is not (JobState.Failed or JobState.Cancelled))
        {
            throw AdrPlatformException.Precondition(
                $"Job {job.Id} is {Describe(job.State)}; only a failed or cancelled job can be retried.");
        }

        var again = job with
        {
            State = JobState.Queued,
            Attempt = job.Attempt + 1,
            Stages = JobStages.Initial(job.Kind),
            Percent = 0,
            Error = null,
            Result = null,
        };
        return Record(again, $"retry: attempt {again.Attempt} queued", at);
    }

    private static JobStep Advance(JobView job, JobProgressed progress, DateTimeOffset at)
    {
        if (!JobStages.IsKnown(job.Kind, progress.Stage))
        {
            return new JobStep(job, null);
        }

        // Within an attempt a stage only moves forward: a late or repeated report cannot take it back.
        var current = job.Stages.First(s => s.Name == progress.Stage);
        var done = Math.Max(current.Done, Math.Max(0, progress.Done));
        var total = Math.Max(done, Math.Max(current.Total, progress.Total));
        if (done == current.Done && total == current.Total && job.State == JobState.Running)
        {
            return new JobStep(job, null);
        }

        var stages = job.Stages.Select(stage => stage.Name == progress.Stage ? new JobStageView(stage.Name, done, total) : stage).ToImmutableArray();
        // Stages before the reported one are complete: a worker reports a stage only once those are done.
        var reported = stages.IndexOf(stages.First(s => s.Name == progress.Stage));
        stages = stages.Select((stage, i) => i < reported && stage.Total == 0 ? stage with { Done = 1, Total = 1 } : stage).ToImmutableArray();
        var advanced = job with { State = JobState.Running, Stages = stages, Percent = JobStages.Percent(job.Kind, stages) };
        var message = string.IsNullOrEmpty(progress.Message) ? $"{progress.Stage} {done}/{total}" : progress.Message;
        return Record(advanced, message, at, progress.Stage, done, total);
    }

    private static JobView Complete(JobView job) =>
        job with { Stages = job.Stages.Select(stage => stage.Total == 0 ? stage with { Done = 1, Total = 1 } : stage with { Done = stage.Total }).ToImmutableArray() };

    private static JobStep Record(JobView job, string message, DateTimeOffset at, string stage = "", long done = 0, long total = 0)
    {
        var sequence = job.LastSequence + 1;
        var changed = job with { LastSequence = sequence, UpdatedAt = at };
        return new JobStep(changed, new JobEventView(sequence, changed.State, stage, done, total, message, at, changed.Percent));
    }

    private static string Describe(JobState state) => state.ToString().ToLowerInvariant();
}
