namespace AdrPlatform.Domain.Markdown;

/// <summary>Something that makes the import unsafe; any problem refuses the whole import.</summary>
public sealed record ImportProblem(string Path, string Message)
{
    /// <summary>The path used for problems of the upload as a whole (too many files, too many bytes).</summary>
    public const string FolderPath = "(folder)";
}
