namespace AdrPlatform.Model;

/// <summary>One stage of a job: how much of it is done; Total is 0 while unknown.</summary>
[GenerateSerializer, Immutable, Alias("job.stage")]
public sealed record JobStageView(
    [property: Id(0)] string Name,
    [property: Id(1)] long Done,
    [property: Id(2)] long Total)
{
    public double Percent => Total <= 0 ? 0 : Math.Min(100.0, 100.0 * Done / Total);
}
