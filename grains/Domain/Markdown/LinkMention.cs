namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// "This ADR <paramref name="Verb"/> <paramref name="Reference"/>", found at <paramref name="Where"/>.
/// A <paramref name="Declared"/> mention comes from structured metadata (front matter); one that names no ADR at all is a problem.
/// </summary>
internal sealed record LinkMention(LinkVerb Verb, AdrReference Reference, string Where, bool Declared);
