namespace AdrPlatform.Domain.Tests.Markdown;

/// <summary>
/// Finds the real ADR folders used by <see cref="RealCorporaTests"/>: $ADR_CORPORA_DIR, or "../shared/data/adr-corpora"
/// beside the repository root (the directory holding AdrPlatform.sln, found by walking up from the test assembly).
/// </summary>
internal static class AdrCorpora
{
    public const string DirectoryVariable = "ADR_CORPORA_DIR";
    public const string OptionalVariable = "ADR_CORPORA_OPTIONAL";

    public static bool Optional => Environment.GetEnvironmentVariable(OptionalVariable) == "1";

    /// <summary>The corpora folder, or null with where it was looked for.</summary>
    public static string? Find(out string lookedAt)
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            lookedAt = $"{configured} (from {DirectoryVariable})";
            return Directory.Exists(configured) ? configured : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AdrPlatform.sln")))
            {
                var corpora = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "adr-corpora"));
                lookedAt = corpora;
                return Directory.Exists(corpora) ? corpora : null;
            }
        }

        lookedAt = $"no directory above {AppContext.BaseDirectory} holds AdrPlatform.sln";
        return null;
    }
}
