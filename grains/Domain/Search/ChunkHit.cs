using AdrPlatform.Model;

namespace AdrPlatform.Domain.Search;

/// <summary>A matching passage, best first in the list it comes in.</summary>
public sealed record ChunkHit(int Number, string Title, AdrStatus Status, int ChunkIndex, string Heading, string Text, double Score);
