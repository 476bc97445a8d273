namespace AdrPlatform.Domain.Markdown;

/// <summary>Upper bounds for one markdown import; the per-field bounds match <see cref="AdrLimits.Default"/>.</summary>
public sealed record ImportLimits(
    int MaxFiles,
    long MaxTotalBytes,
    int MaxFileBytes,
    int MaxTitleLength,
    int MaxBodyLength,
    int MaxTags,
    int MaxTagLength,
    int MaxDeciders,
    int MaxDeciderLength,
    int MaxStatusNoteLength)
{
    public static ImportLimits Default { get; } = new(
        MaxFiles: 2_000,
        MaxTotalBytes: 20L * 1024 * 1024,
        MaxFileBytes: 1024 * 1024,
        MaxTitleLength: AdrLimits.Default.MaxTitleLength,
        MaxBodyLength: AdrLimits.Default.MaxBodyLength,
        MaxTags: AdrLimits.Default.MaxTags,
        MaxTagLength: AdrLimits.Default.MaxTagLength,
        MaxDeciders: AdrLimits.Default.MaxDeciders,
        MaxDeciderLength: AdrLimits.Default.MaxDeciderLength,
        MaxStatusNoteLength: AdrLimits.Default.MaxNoteLength);
}
