using AdrPlatform.Model;

namespace AdrPlatform.Grains.Jobs;

[GenerateSerializer, Alias("job-board.state")]
public sealed class JobBoardState
{
    /// <summary>The newest view of each job, by id.</summary>
    [Id(0)]
    public Dictionary<string, JobView> Jobs { get; set; } = new(StringComparer.Ordinal);
}
