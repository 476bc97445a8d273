namespace AdrPlatform.Domain.Markdown;

/// <summary>What one markdown file says, before numbers are assigned and links resolved against the folder.</summary>
internal sealed record ParsedAdrDocument(
    string? Title,
    string Body,
    string? RawStatus,
    string? DeclaredStatusNote,
    DateOnly? Date,
    IReadOnlyList<string> Deciders,
    IReadOnlyList<string> Tags,
    IReadOnlyList<LinkMention> Mentions,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings);
