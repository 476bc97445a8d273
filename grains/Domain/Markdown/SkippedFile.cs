namespace AdrPlatform.Domain.Markdown;

/// <summary>A file of the folder that is not an ADR (index, README, template, not markdown), with the reason.</summary>
public sealed record SkippedFile(string Path, string Reason);
