namespace AdrPlatform.TestKit;

/// <summary>
/// Finds real-world data kept outside the repository: the folder an environment variable names, or
/// <c>../shared/data/{name}</c> beside the repository root (the directory holding AdrPlatform.sln, found by
/// walking up from the running assembly).
/// </summary>
public static class SharedData
{
    /// <summary>The folder, or null with where it was looked for.</summary>
    public static string? Find(string name, string variable, out string lookedAt)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            lookedAt = $"{configured} (from {variable})";
            return Directory.Exists(configured) ? configured : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AdrPlatform.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", name));
                lookedAt = data;
                return Directory.Exists(data) ? data : null;
            }
        }

        lookedAt = $"no directory above {AppContext.BaseDirectory} holds AdrPlatform.sln";
        return null;
    }
}
