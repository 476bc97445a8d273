namespace AdrPlatform.Model;

/// <summary>A directed link between two ADRs of one tenant, stored in canonical direction.</summary>
[GenerateSerializer, Immutable, Alias("adr.link")]
public sealed record AdrLink(
    [property: Id(0)] int From,
    [property: Id(1)] LinkType Type,
    [property: Id(2)] int To);
