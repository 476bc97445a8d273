namespace AdrPlatform.Domain.Search;

public sealed record TextChunk(int Index, string Heading, string Text);
