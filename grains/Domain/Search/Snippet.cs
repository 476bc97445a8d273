namespace AdrPlatform.Domain.Search;

public sealed record Snippet(string Text, IReadOnlyList<Highlight> Highlights);
