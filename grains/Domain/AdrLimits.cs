namespace AdrPlatform.Domain;

/// <summary>Upper bounds on every field a client can send.</summary>
public sealed record AdrLimits(
    int MaxTitleLength,
    int MaxBodyLength,
    int MaxTags,
    int MaxTagLength,
    int MaxDeciders,
    int MaxDeciderLength,
    int MaxNoteLength,
    int MaxSectionCount)
{
    public static AdrLimits Default { get; } = new(
        MaxTitleLength: 300,
        MaxBodyLength: 200_000,
        MaxTags: 50,
        MaxTagLength: 64,
        MaxDeciders: 50,
        MaxDeciderLength: 200,
        MaxNoteLength: 2_000,
        MaxSectionCount: 30);
}
