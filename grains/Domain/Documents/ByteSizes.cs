using System.Globalization;

namespace AdrPlatform.Domain.Documents;

public static class ByteSizes
{
    /// <summary>"20 MB", "1.5 MB", "0.1 MB" (binary megabytes, as upload limits are configured).</summary>
    public static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(bytes / (1024d * 1024d), 0.1):0.#} MB");
}
