using System.Collections.Immutable;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Search;

/// <summary>What the index knows of an ADR besides its passages: enough to filter and to show a hit.</summary>
public sealed record SearchDocument(
    int Number,
    int Version,
    string Title,
    AdrStatus Status,
    ImmutableArray<string> Tags,
    string CreatedBy,
    ImmutableArray<string> Deciders,
    DateOnly Decided);
