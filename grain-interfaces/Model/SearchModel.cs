using System.Collections.Immutable;

namespace AdrPlatform.Model;

public enum SearchMode
{
    Hybrid = 0,
    Lexical = 1,
    Semantic = 2,
}

/// <summary>Which ADRs a search may return.</summary>
[GenerateSerializer, Immutable, Alias("search.filter")]
public sealed record SearchFilter(
    [property: Id(0)] ImmutableArray<AdrStatus> Statuses,
    [property: Id(1)] ImmutableArray<string> Tags,
    [property: Id(2)] string? Author,
    [property: Id(3)] DateOnly? DecidedFrom,
    [property: Id(4)] DateOnly? DecidedTo)
{
    public static SearchFilter None { get; } = new([], [], null, null, null);

    /// <summary>Whether the filter names anything only ADRs have; ingested documents are then left out.</summary>
    public bool RestrictsToAdrs =>
        !Statuses.IsDefaultOrEmpty || !Tags.IsDefaultOrEmpty || !string.IsNullOrEmpty(Author) || DecidedFrom is not null || DecidedTo is not null;
}

[GenerateSerializer, Immutable, Alias("search.query")]
public sealed record SearchQuery(
    [property: Id(0)] string Text,
    [property: Id(1)] SearchMode Mode,
    [property: Id(2)] SearchFilter Filter,
    [property: Id(3)] int Offset,
    [property: Id(4)] int PageSize);

[GenerateSerializer, Immutable, Alias("search.hit")]
public sealed record SearchHit(
    [property: Id(0)] int Number,
    [property: Id(1)] string Title,
    [property: Id(2)] AdrStatus Status,
    [property: Id(3)] string Section,
    [property: Id(4)] string Snippet,
    [property: Id(5)] ImmutableArray<HitHighlight> Highlights,
    [property: Id(6)] double Score,
    [property: Id(7)] string? DocumentId = null);

[GenerateSerializer, Immutable, Alias("search.page")]
public sealed record SearchPage(
    [property: Id(0)] ImmutableArray<SearchHit> Hits,
    [property: Id(1)] bool HasMore);

/// <summary>A matched term's place in a snippet, in UTF-16 code units.</summary>
[GenerateSerializer, Immutable, Alias("search.highlight")]
public readonly record struct HitHighlight(
    [property: Id(0)] int Start,
    [property: Id(1)] int Length);

/// <summary>A whole passage, for grounding an answer in it: of ADR Number, or of document DocumentId when set.</summary>
[GenerateSerializer, Immutable, Alias("search.passage")]
public sealed record Passage(
    [property: Id(0)] int Number,
    [property: Id(1)] string Title,
    [property: Id(2)] string Section,
    [property: Id(3)] string Text,
    [property: Id(4)] string? DocumentId = null);
