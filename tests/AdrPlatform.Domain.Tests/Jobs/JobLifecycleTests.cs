using AdrPlatform.Domain.Jobs;
using AdrPlatform.Errors;
using AdrPlatform.Events;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Tests.Jobs;

public class JobLifecycleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static JobView Submitted() =>
        JobLifecycle.Submit(new JobView("j1", JobKind.Ingestion, JobState.Queued, "alice", "a.pdf", "application/pdf", 10, [], 0, null, null, "j1", 1, At, At, 0), At).Job;

    private static JobProgressed Report(string stage, long done, long total, JobOutcome outcome = JobOutcome.Progress, int attempt = 1, string message = "") =>
        new($"e-{stage}-{done}-{outcome}", "t", "j1", attempt, stage, done, total, outcome, message);

    [Fact]
    public void A_submitted_job_is_queued_with_every_stage_at_zero_and_one_event()
    {
        var job = Submitted();
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal([JobStages.Parse, JobStages.Chunk, JobStages.Embed, JobStages.Index], job.Stages.Select(s => s.Name));
        Assert.Equal(1, job.LastSequence);
        Assert.Equal(0, job.Percent);
    }

    [Fact]
    public void Progress_runs_the_job_weights_its_stages_and_numbers_each_event()
    {
        var step = JobLifecycle.Apply(Submitted(), Report(JobStages.Embed, 5, 10), At);
        Assert.Equal(JobState.Running, step.Job.State);
        Assert.Equal(2, step.Event!.Sequence);
        Assert.Equal(JobStages.Embed, step.Event.Stage);
        // parse and chunk are complete (10 % each), embed half of 75 %.
        Assert.Equal(57.5, step.Job.Percent);
        Assert.Equal(50, step.Job.Stages.Single(s => s.Name == JobStages.Embed).Percent);
    }

    [Fact]
    public void Success_completes_every_stage_and_keeps_the_result()
    {
        var running = JobLifecycle.Apply(Submitted(), Report(JobStages.Embed, 5, 10), At).Job;
        var done = JobLifecycle.Apply(running, Report("", 0, 0, JobOutcome.Succeeded, message: "10 passages searchable"), At).Job;
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(100, done.Percent);
        Assert.Equal("10 passages searchable", done.Result);
        Assert.All(done.Stages, s => Assert.Equal(100, s.Percent));
    }

    [Fact]
    public void Reports_for_another_attempt_or_after_the_end_change_nothing()
    {
        var job = Submitted();
        Assert.Null(JobLifecycle.Apply(job, Report(JobStages.Parse, 1, 1, attempt: 2), At).Event);
        var failed = JobLifecycle.Apply(job, Report("", 0, 0, JobOutcome.Failed, message: "the PDF is encrypted"), At).Job;
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Equal("the PDF is encrypted", failed.Error);
        Assert.Null(JobLifecycle.Apply(failed, Report(JobStages.Embed, 1, 1), At).Event);
        Assert.Null(JobLifecycle.Fail(failed, 1, "again", At).Event);
    }

    [Fact]
    public void Only_unfinished_jobs_cancel_and_only_failed_or_cancelled_ones_retry()
    {
        var cancelled = JobLifecycle.Cancel(Submitted(), At).Job;
        Assert.Equal(JobState.Cancelled, cancelled.State);
        var error = Assert.Throws<AdrPlatformException>(() => JobLifecycle.Cancel(cancelled, At));
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Contains("only a queued or running job", error.Message, StringComparison.Ordinal);

        var retried = JobLifecycle.Retry(cancelled, At).Job;
        Assert.Equal(JobState.Queued, retried.State);
        Assert.Equal(2, retried.Attempt);
        Assert.Null(retried.Error);
        Assert.All(retried.Stages, s => Assert.Equal(0, s.Done));
        Assert.Equal(ErrorKind.FailedPrecondition, Assert.Throws<AdrPlatformException>(() => JobLifecycle.Retry(retried, At)).Kind);
    }

    [Fact]
    public void A_stage_only_moves_forward_within_an_attempt()
    {
        var ahead = JobLifecycle.Apply(Submitted(), Report(JobStages.Embed, 8, 10), At).Job;
        var late = JobLifecycle.Apply(ahead, Report(JobStages.Embed, 0, 10) with { EventId = "late" }, At);
        Assert.Null(late.Event);
        Assert.Equal(8, late.Job.Stages.Single(s => s.Name == JobStages.Embed).Done);
        Assert.Null(JobLifecycle.Apply(ahead, Report(JobStages.Embed, 8, 10) with { EventId = "again" }, At).Event);
    }

    [Fact]
    public void Unknown_stages_are_ignored_and_counts_are_clamped()
    {
        var job = Submitted();
        Assert.Null(JobLifecycle.Apply(job, Report("teleport", 1, 1), At).Event);
        var step = JobLifecycle.Apply(job, Report(JobStages.Chunk, 12, 3), At);
        var chunk = step.Job.Stages.Single(s => s.Name == JobStages.Chunk);
        Assert.Equal((12, 12), (chunk.Done, chunk.Total));
    }

    [Fact]
    public void Job_ids_are_stable_per_submitter_and_key_and_validated()
    {
        Assert.Equal(JobIds.FromIdempotencyKey("alice", "k1"), JobIds.FromIdempotencyKey("alice", "k1"));
        Assert.NotEqual(JobIds.FromIdempotencyKey("alice", "k1"), JobIds.FromIdempotencyKey("bob", "k1"));
        Assert.True(JobIds.IsValid(JobIds.New()));
        Assert.False(JobIds.IsValid("j1/../x"));
        Assert.False(JobIds.IsValid(null));
    }
}
