namespace AdrPlatform.Domain.Search;

/// <summary>An ADR in a result list: its best passage and its score in that list.</summary>
public sealed record RankedAdr(ChunkHit Best, double Score);
