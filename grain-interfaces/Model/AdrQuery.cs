using System.Collections.Immutable;

namespace AdrPlatform.Model;

/// <summary>A filtered, keyset-paged listing: ADRs with a number below <see cref="BeforeNumber"/>, newest first.</summary>
[GenerateSerializer, Immutable, Alias("adr.query")]
public sealed record AdrQuery(
    [property: Id(0)] int PageSize,
    [property: Id(1)] int? BeforeNumber,
    [property: Id(2)] ImmutableArray<AdrStatus> Statuses,
    [property: Id(3)] ImmutableArray<string> Tags,
    [property: Id(4)] string? Author,
    [property: Id(5)] string? Text,
    [property: Id(6)] bool IncludeDeleted);

[GenerateSerializer, Immutable, Alias("adr.page")]
public sealed record AdrPage(
    [property: Id(0)] ImmutableArray<AdrRecord> Items,
    [property: Id(1)] int? NextBeforeNumber);
