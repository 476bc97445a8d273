namespace AdrPlatform.Domain.Search;

public sealed record Highlight(int Start, int Length);
