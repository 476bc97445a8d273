namespace AdrPlatform.Model;

/// <summary>The lifecycle of an architecture decision.</summary>
public enum AdrStatus
{
    Proposed = 1,
    Accepted = 2,
    Rejected = 3,
    Deprecated = 4,
    Superseded = 5,
}
