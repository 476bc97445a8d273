namespace AdrPlatform.Domain.Markdown;

/// <summary>How a file phrases a link to another ADR, seen from the file that says it.</summary>
internal enum LinkVerb
{
    Supersedes,
    SupersededBy,
    Amends,
    AmendedBy,
    RelatesTo,
}
