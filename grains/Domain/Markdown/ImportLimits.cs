namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Upper bounds for one markdown import; the per-field bounds match <see cref="AdrLimits.Default"/>. The front matter
/// bounds keep reading a hostile YAML block cheap: its length is checked first, the rest while YAML events are read,
/// before anything is built, so the work is linear in at most <see cref="MaxFrontMatterChars"/> characters.
/// </summary>
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
    int MaxStatusNoteLength,
    int MaxFrontMatterDepth,
    int MaxFrontMatterValues,
    int MaxFrontMatterValueLength,
    int MaxFrontMatterChars)
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
        MaxStatusNoteLength: AdrLimits.Default.MaxNoteLength,
        MaxFrontMatterDepth: 32,
        MaxFrontMatterValues: 2_000,
        MaxFrontMatterValueLength: 10_000,
        MaxFrontMatterChars: 1024 * 1024);
}
