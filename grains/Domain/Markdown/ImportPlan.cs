using AdrPlatform.Model;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// What importing a folder would do. The caller must refuse the whole import when <see cref="Problems"/> is not empty.
/// <see cref="Adrs"/> are ordered by number; <see cref="Links"/> are canonical, distinct and ordered.
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<ImportedAdr> Adrs,
    IReadOnlyList<AdrLink> Links,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportWarning> Warnings)
{
    public bool CanImport => Problems.Count == 0;
}
