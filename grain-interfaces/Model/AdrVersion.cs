namespace AdrPlatform.Model;

public enum ChangeKind
{
    Created = 1,
    Updated = 2,
    StatusChanged = 3,
    RolledBack = 4,
    Imported = 5,
}

/// <summary>One immutable entry of an ADR's append-only history.</summary>
[GenerateSerializer, Immutable, Alias("adr.version")]
public sealed record AdrVersion(
    [property: Id(0)] int Number,
    [property: Id(1)] int Version,
    [property: Id(2)] AdrContent Content,
    [property: Id(3)] AdrStatus Status,
    [property: Id(4)] string? StatusNote,
    [property: Id(5)] ChangeKind Change,
    [property: Id(6)] string Author,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] string? Note);
