namespace AdrPlatform.Domain.Documents;

/// <summary>
/// What one uploaded document may cost to read. The DOCX limits are checked on the zip's central directory
/// before anything is decompressed, so a zip bomb is refused without being expanded.
/// </summary>
public sealed record DocumentLimits(
    long MaxBytes,
    int MaxPages,
    int MaxExtractedChars,
    long MaxDocxUncompressedBytes,
    int MaxDocxCompressionRatio,
    int MaxZipEntries)
{
    private const long MiB = 1024 * 1024;

    public static DocumentLimits Default { get; } = new(
        MaxBytes: 20 * MiB,
        MaxPages: 500,
        MaxExtractedChars: 2_000_000,
        MaxDocxUncompressedBytes: 100 * MiB,
        MaxDocxCompressionRatio: 100,
        MaxZipEntries: 1000);

    /// <summary>Throws when a limit is not positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxExtractedChars);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDocxUncompressedBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDocxCompressionRatio);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxZipEntries);
    }
}
