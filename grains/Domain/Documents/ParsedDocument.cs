namespace AdrPlatform.Domain.Documents;

/// <summary>The text of an uploaded document in reading order. <see cref="PageCount"/> is 0 for formats without pages.</summary>
public sealed record ParsedDocument(string Title, IReadOnlyList<DocumentSection> Sections, int PageCount);
