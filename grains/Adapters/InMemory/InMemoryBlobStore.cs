using System.Collections.Concurrent;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.InMemory;

/// <summary>The embedded default's blob store: originals kept in process memory, keyed by tenant and id.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<(string Tenant, string BlobId), StoredBlob> _blobs = new();

    public Task PutAsync(string tenant, string blobId, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        BlobRules.Validate(tenant, blobId, mediaType);
        var candidate = new StoredBlob(mediaType, content.ToArray(), BlobRules.Sha256(content.Span));
        var stored = _blobs.GetOrAdd((tenant, blobId), candidate);
        if (!ReferenceEquals(stored, candidate) && stored.Sha256 != candidate.Sha256)
        {
            throw BlobRules.Conflict(blobId);
        }

        return Task.CompletedTask;
    }

    public Task<StoredBlob?> GetAsync(string tenant, string blobId, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.GetValueOrDefault((tenant, blobId)));

    public Task DeleteAsync(string tenant, string blobId, CancellationToken cancellationToken)
    {
        _blobs.TryRemove((tenant, blobId), out _);
        return Task.CompletedTask;
    }
}
