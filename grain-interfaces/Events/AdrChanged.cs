namespace AdrPlatform.Events;

/// <summary>An ADR was written (created, updated, status, links, deleted or restored) at this version.</summary>
[GenerateSerializer, Immutable, Alias("event.adr-changed")]
public sealed record AdrChanged(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Tenant,
    [property: Id(2)] int Number,
    [property: Id(3)] int Version);
