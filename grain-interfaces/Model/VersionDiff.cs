namespace AdrPlatform.Model;

[GenerateSerializer, Immutable, Alias("adr.diff")]
public sealed record VersionDiff(
    [property: Id(0)] string UnifiedDiff,
    [property: Id(1)] int AddedLines,
    [property: Id(2)] int RemovedLines);
