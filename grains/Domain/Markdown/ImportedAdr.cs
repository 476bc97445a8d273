using AdrPlatform.Model;

namespace AdrPlatform.Domain.Markdown;

/// <summary>One ADR read from a markdown file, ready to be stored under <paramref name="Number"/>.</summary>
public sealed record ImportedAdr(int Number, string SourcePath, AdrContent Content, AdrStatus Status, string? StatusNote);
