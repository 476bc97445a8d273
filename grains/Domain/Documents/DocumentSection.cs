namespace AdrPlatform.Domain.Documents;

/// <summary>A heading-scoped part of a document: its heading (empty before the first one) and its clean text, paragraphs separated by blank lines.</summary>
public sealed record DocumentSection(string Heading, string Text);
