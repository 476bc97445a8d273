namespace AdrPlatform.Domain.Markdown;

/// <summary>The ADR fields read from a YAML front matter block; null or empty where the block does not say.</summary>
internal sealed record FrontMatter(
    string? Title,
    string? Status,
    string? StatusNote,
    string? Date,
    IReadOnlyList<string> Deciders,
    IReadOnlyList<string> Consulted,
    IReadOnlyList<string> Informed,
    IReadOnlyList<string> Tags,
    IReadOnlyList<(LinkVerb Verb, string Item, string Key)> Links,
    IReadOnlyList<string> IgnoredKeys)
{
    public static FrontMatter None { get; } = new(null, null, null, null, [], [], [], [], [], []);
}
