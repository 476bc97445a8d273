using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>The jobs of one tenant, for listing and for the admins' live board. Key: tenant.</summary>
[Alias("job-board.grain")]
public interface IJobBoardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Admits a job to run if the tenant has fewer than <paramref name="maxActive"/> queued or running jobs
    /// (this one not counted); the admission holds until the job's view arrives or it is released.
    /// </summary>
    [Alias("try-admit")]
    Task<bool> TryAdmitAsync(string jobId, int maxActive);

    /// <summary>Gives back an admission whose job never started.</summary>
    [Alias("release")]
    Task ReleaseAsync(string jobId);

    /// <summary>The job's newest view; older ones (by UpdatedAt and sequence) are ignored.</summary>
    [Alias("upsert")]
    Task UpsertAsync(JobView job);

    [AlwaysInterleave, Alias("list")]
    Task<JobPage> ListAsync(JobListQuery query);

    /// <summary>The unfinished jobs first, then every change; only <paramref name="user"/>'s unless null (admins).</summary>
    [AlwaysInterleave, Alias("watch")]
    IAsyncEnumerable<JobView> WatchAsync(string? user, CancellationToken cancellationToken);
}
