using System.Collections.Immutable;

namespace AdrPlatform.Model;

public enum AdrTemplate
{
    Madr = 1,
    Nygard = 2,
}

/// <summary>What a caller asks for when creating an ADR.</summary>
[GenerateSerializer, Immutable, Alias("adr.draft")]
public sealed record AdrDraft(
    [property: Id(0)] string Title,
    [property: Id(1)] AdrTemplate Template,
    [property: Id(2)] string? Body,
    [property: Id(3)] ImmutableDictionary<string, string> Sections,
    [property: Id(4)] ImmutableArray<string> Tags,
    [property: Id(5)] ImmutableArray<string> Deciders,
    [property: Id(6)] DateOnly? DecisionDate);

/// <summary>A partial update: null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("adr.edit")]
public sealed record AdrEdit(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Body,
    [property: Id(3)] ImmutableArray<string>? Tags,
    [property: Id(4)] ImmutableArray<string>? Deciders,
    [property: Id(5)] DateOnly? DecisionDate,
    [property: Id(6)] bool ClearDecisionDate);

[GenerateSerializer, Immutable, Alias("adr.status-change")]
public sealed record StatusChange(
    [property: Id(0)] AdrStatus Status,
    [property: Id(1)] int ExpectedVersion,
    [property: Id(2)] ImmutableArray<int> SupersededBy,
    [property: Id(3)] string? Note);
