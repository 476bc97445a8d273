using AdrPlatform.Contracts.Jobs.V1;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>Reads a job's progress over WatchJob until it ends.</summary>
public static class JobWatching
{
    public static async Task<List<JobEvent>> UntilFinishedAsync(JobService.JobServiceClient jobs, string id, long afterSequence = 0, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        using var call = jobs.WatchJob(new WatchJobRequest { Id = id, AfterSequence = afterSequence }, cancellationToken: deadline.Token);
        var events = new List<JobEvent>();
        await foreach (var change in call.ResponseStream.ReadAllAsync(deadline.Token))
        {
            events.Add(change);
        }

        return events;
    }

    public static bool IsFinished(this JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    /// <summary>Polls GetJob until <paramref name="done"/> holds; fails after the timeout.</summary>
    public static async Task<Job> EventuallyAsync(JobService.JobServiceClient jobs, string id, Func<Job, bool> done, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await jobs.GetJobAsync(new GetJobRequest { Id = id });
            if (done(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {id} is still {job.State} ({job.Percent} %) after the timeout");
            await Task.Delay(50);
        }
    }
}
