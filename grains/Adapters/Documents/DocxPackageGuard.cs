using System.Globalization;
using System.IO.Compression;
using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Refuses a DOCX that would expand too far, judged from the zip's central directory without decompressing anything.
/// The declared sizes can be trusted this far because .NET's zip reader stops decompressing an entry at its declared size.
/// </summary>
internal static class DocxPackageGuard
{
    // Below this a high ratio is harmless (a small part of repeated markup compresses extremely well).
    private const long RatioCheckFromBytes = 1024 * 1024;

    public static void Check(ReadOnlyMemory<byte> content, DocumentLimits limits)
    {
        using var archive = new ZipArchive(ContentStreams.ReadOnly(content), ZipArchiveMode.Read);
        if (archive.Entries.Count > limits.MaxZipEntries)
        {
            throw new DocumentRejectedException(string.Create(
                CultureInfo.InvariantCulture, $"the DOCX has {archive.Entries.Count} parts; at most {limits.MaxZipEntries} are allowed"));
        }

        long uncompressed = 0;
        long compressed = 0;
        foreach (var entry in archive.Entries)
        {
            uncompressed += entry.Length;
            compressed += entry.CompressedLength;
        }

        if (uncompressed > limits.MaxDocxUncompressedBytes)
        {
            throw new DocumentRejectedException($"the DOCX expands to more than {ByteSizes.Megabytes(limits.MaxDocxUncompressedBytes)}");
        }

        if (uncompressed >= RatioCheckFromBytes && uncompressed > compressed * limits.MaxDocxCompressionRatio)
        {
            throw new DocumentRejectedException(string.Create(
                CultureInfo.InvariantCulture, $"the DOCX is compressed more than {limits.MaxDocxCompressionRatio}:1, which looks like a zip bomb"));
        }
    }
}
