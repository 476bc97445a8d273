namespace AdrPlatform.Domain.Markdown;

/// <summary>Something worth telling the person importing that does not block the import (e.g. a link to an ADR not in the folder).</summary>
public sealed record ImportWarning(string Path, string Message);
