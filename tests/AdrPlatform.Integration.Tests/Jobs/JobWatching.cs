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

    /// <summary>
    /// Polls GetJob until <paramref name="done"/> holds; fails after the timeout. UNAVAILABLE is retried, as
    /// clients should (a silo that died holds the job's activation until the cluster declares it dead).
    /// </summary>
    public static async Task<Job> EventuallyAsync(JobService.JobServiceClient jobs, string id, Func<Job, bool> done, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var finished = await Eventually.HoldsAsync<Job?>(
            async () =>
            {
                try
                {
                    return await jobs.GetJobAsync(new GetJobRequest { Id = id }, deadline: DateTime.UtcNow.AddSeconds(10));
                }
                catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                {
                    return null;
                }
            },
            job => job is not null && done(job),
            job => $"job {id} is still {job?.State} ({job?.Percent} %) after the timeout",
            timeout ?? TimeSpan.FromSeconds(60));
        return finished!;
    }
}
