using System.Collections.Immutable;

namespace AdrPlatform.Model;

/// <summary>Which jobs to list, newest first. SubmittedBy null: everybody's (admins only).</summary>
[GenerateSerializer, Immutable, Alias("job.list-query")]
public sealed record JobListQuery(
    [property: Id(0)] ImmutableArray<JobState> States,
    [property: Id(1)] JobKind? Kind,
    [property: Id(2)] string? SubmittedBy,
    [property: Id(3)] int Offset,
    [property: Id(4)] int PageSize);

[GenerateSerializer, Immutable, Alias("job.page")]
public sealed record JobPage(
    [property: Id(0)] ImmutableArray<JobView> Jobs,
    [property: Id(1)] bool HasMore);
