namespace AdrPlatform.Domain.Search;

public sealed record ChunkingOptions(int MaxChars, int OverlapChars)
{
    public static ChunkingOptions Default { get; } = new(1200, 150);
}
