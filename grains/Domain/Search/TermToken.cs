namespace AdrPlatform.Domain.Search;

/// <summary>One search term and where it sits in the text it was read from.</summary>
internal readonly record struct TermToken(int Start, int Length, string Term);
