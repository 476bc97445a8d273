namespace AdrPlatform.Bench.Search;

/// <summary>Where the evaluation set and the real ADR corpora are: beside the repository, never copied into it.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding AdrPlatform.sln, found by walking up from the bench's own directory.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AdrPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} holds AdrPlatform.sln.");
    }

    /// <summary>$ADR_CORPORA_DIR, or ../shared/data/adr-corpora beside the repository (as the import tests look).</summary>
    public static string AdrCorpora() =>
        Environment.GetEnvironmentVariable("ADR_CORPORA_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Root(), "..", "shared", "data", "adr-corpora"));
}
