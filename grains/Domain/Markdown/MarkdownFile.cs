namespace AdrPlatform.Domain.Markdown;

/// <summary>One uploaded file: <paramref name="Path"/> is relative to the uploaded folder and uses '/' separators.</summary>
public sealed record MarkdownFile(string Path, ReadOnlyMemory<byte> Content);
