using System.Collections.Immutable;

namespace AdrPlatform.Model;

/// <summary>The current state of one ADR, as stored and as returned to callers.</summary>
[GenerateSerializer, Immutable, Alias("adr.record")]
public sealed record AdrRecord(
    [property: Id(0)] string Tenant,
    [property: Id(1)] int Number,
    [property: Id(2)] AdrContent Content,
    [property: Id(3)] AdrStatus Status,
    [property: Id(4)] string? StatusNote,
    [property: Id(5)] int Version,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string CreatedBy,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] string UpdatedBy,
    [property: Id(10)] DateTimeOffset? DeletedAt,
    [property: Id(11)] ImmutableArray<AdrLink> Links)
{
    public bool IsDeleted => DeletedAt is not null;
}
