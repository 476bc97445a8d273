namespace AdrPlatform.Model;

/// <summary>A directed link between two ADRs of one tenant, stored in canonical direction.</summary>
[GenerateSerializer, Immutable, Alias("adr.link")]
public sealed record AdrLink(
    [property: Id(0)] int From,
    [property: Id(1)] LinkType Type,
    [property: Id(2)] int To)
{
    /// <summary>Links in a stable order: by source, type, then target.</summary>
    public static IComparer<AdrLink> Order { get; } = Comparer<AdrLink>.Create((a, b) =>
        a.From != b.From ? a.From.CompareTo(b.From) : a.Type != b.Type ? a.Type.CompareTo(b.Type) : a.To.CompareTo(b.To));

    /// <summary>The stored form of a link: "relates to" has no direction, so it runs from the lower number to the higher.</summary>
    public static AdrLink Canonical(int from, LinkType type, int to) =>
        type == LinkType.RelatesTo && from > to ? new AdrLink(to, type, from) : new AdrLink(from, type, to);
}
