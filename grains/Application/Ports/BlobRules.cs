using System.Security.Cryptography;
using AdrPlatform.Errors;

namespace AdrPlatform.Ports;

/// <summary>What every <see cref="Ports.IBlobStore"/> adapter agrees on: the digest format and the refusal to overwrite.</summary>
public static class BlobRules
{
    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static void Validate(string tenant, string blobId, string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(blobId);
        ArgumentNullException.ThrowIfNull(mediaType);
    }

    public static AdrPlatformException Conflict(string blobId) =>
        new(ErrorKind.AlreadyExists, $"Blob '{blobId}' already holds different content; blobs are immutable.");
}
