using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>The jobs of one tenant, for listing and for the admins' live board. Key: tenant.</summary>
[Alias("job-board.grain")]
public interface IJobBoardGrain : IGrainWithStringKey
{
    /// <summary>The job's newest view; older ones (by UpdatedAt and sequence) are ignored.</summary>
    [Alias("upsert")]
    Task UpsertAsync(JobView job);

    [AlwaysInterleave, Alias("list")]
    Task<JobPage> ListAsync(JobListQuery query);

    /// <summary>The unfinished jobs first, then every change; only <paramref name="user"/>'s unless null (admins).</summary>
    [AlwaysInterleave, Alias("watch")]
    IAsyncEnumerable<JobView> WatchAsync(string? user, CancellationToken cancellationToken);
}
