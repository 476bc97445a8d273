namespace AdrPlatform.Grains;

/// <summary>
/// An import whose ADRs are being written, recorded before the first write. The same upload by the same user
/// (<paramref name="Fingerprint"/>) resumes it; until then the tenant's new ADRs are numbered above
/// <paramref name="HighestNumber"/>, so a retry finds its numbers free or holding what its earlier attempt wrote.
/// </summary>
[GenerateSerializer, Immutable, Alias("tenant.pending-import")]
public sealed record PendingImport(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] int HighestNumber,
    [property: Id(2)] DateTimeOffset At)
{
    /// <summary>Starts an import at <paramref name="now"/> cut to whole microseconds: PostgreSQL keeps no finer time, and a
    /// retry recognises the ADRs its earlier attempt wrote by their creation time.</summary>
    public static PendingImport Start(string fingerprint, int highestNumber, DateTimeOffset now) =>
        new(fingerprint, highestNumber, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)));
}
