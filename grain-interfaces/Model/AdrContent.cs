using System.Collections.Immutable;

namespace AdrPlatform.Model;

/// <summary>The editable content of an ADR: what a version captures and a rollback restores.</summary>
[GenerateSerializer, Immutable, Alias("adr.content")]
public sealed record AdrContent(
    [property: Id(0)] string Title,
    [property: Id(1)] string Body,
    [property: Id(2)] ImmutableArray<string> Tags,
    [property: Id(3)] ImmutableArray<string> Deciders,
    [property: Id(4)] DateOnly? DecisionDate)
{
    public bool SameAs(AdrContent other) =>
        Title == other.Title
        && Body == other.Body
        && DecisionDate == other.DecisionDate
        && Tags.SequenceEqual(other.Tags)
        && Deciders.SequenceEqual(other.Deciders);
}
