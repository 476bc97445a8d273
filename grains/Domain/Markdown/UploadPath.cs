namespace AdrPlatform.Domain.Markdown;

/// <summary>Checks that an uploaded path stays inside the folder: relative, '/' separated, no "." or ".." segments.</summary>
internal static class UploadPath
{
    public static string? Problem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the file has no path";
        }

        if (path.Any(char.IsControl))
        {
            return "the path contains control characters";
        }

        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
        {
            return "the path must be relative to the folder and use '/' separators (no absolute paths, drive letters or '\\')";
        }

        return path.Split('/').Any(segment => segment is "" or "." or "..")
            ? "the path must stay inside the folder: empty, '.' and '..' segments are not allowed"
            : null;
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
