namespace AdrPlatform.Ports;

/// <summary>An original upload as stored: its media type, bytes and SHA-256 (lower-case hex).</summary>
public sealed record StoredBlob(string MediaType, ReadOnlyMemory<byte> Content, string Sha256);

/// <summary>
/// Tenant-scoped storage for uploaded originals. Writes are idempotent: putting the same id again with
/// the same bytes is a no-op; with different bytes it is refused (blobs are immutable).
/// </summary>
public interface IBlobStore
{
    Task PutAsync(string tenant, string blobId, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<StoredBlob?> GetAsync(string tenant, string blobId, CancellationToken cancellationToken);

    Task DeleteAsync(string tenant, string blobId, CancellationToken cancellationToken);
}
