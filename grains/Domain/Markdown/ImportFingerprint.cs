using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AdrPlatform.Domain.Markdown;

/// <summary>Identifies one upload by one user, whatever the order of its files, so a retried import is told apart from another.</summary>
public static class ImportFingerprint
{
    public static string Of(IReadOnlyList<MarkdownFile> files, string actor)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Encoding.UTF8.GetBytes(actor));
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            Append(hash, Encoding.UTF8.GetBytes(file.Path));
            Append(hash, file.Content.Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Each part is preceded by its length, so no two different uploads hash the same bytes.</summary>
    private static void Append(IncrementalHash hash, ReadOnlySpan<byte> part)
    {
        Span<byte> length = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(length, part.Length);
        hash.AppendData(length);
        hash.AppendData(part);
    }
}
