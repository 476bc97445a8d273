namespace AdrPlatform.Domain.Documents;

/// <summary>What a hyphen at the end of a laid-out line is taken for when the lines are joined.</summary>
internal enum LineEndHyphenKind
{
    None,
    BreaksWord,
    InCompound,
}
