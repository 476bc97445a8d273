using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Domain.Search;
using AdrPlatform.Model;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>The in-memory search index, whose next full-text search a test can hold until its caller's cancellation arrives.</summary>
public sealed class HeldSearchIndex(InMemorySearchIndex index) : ISearchIndex
{
    private HeldUntilCancelled? _next;

    public HeldUntilCancelled HoldNextSearch() => _next = new HeldUntilCancelled();

    public async Task<IReadOnlyList<ChunkHit>> LexicalAsync(string tenant, string query, SearchFilter filter, int limit, CancellationToken cancellationToken)
    {
        await (_next?.HoldAsync(cancellationToken) ?? Task.FromResult(false));
        cancellationToken.ThrowIfCancellationRequested();
        return await index.LexicalAsync(tenant, query, filter, limit, cancellationToken);
    }

    public Task ReplaceAsync(string tenant, SearchDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken) =>
        index.ReplaceAsync(tenant, document, chunks, cancellationToken);

    public Task RemoveAsync(string tenant, int number, CancellationToken cancellationToken) =>
        index.RemoveAsync(tenant, number, cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> SemanticAsync(
        string tenant, ReadOnlyMemory<float> vector, string model, SearchFilter filter, int? excludeNumber, int limit, CancellationToken cancellationToken) =>
        index.SemanticAsync(tenant, vector, model, filter, excludeNumber, limit, cancellationToken);

    public Task<float[]?> AdrVectorAsync(string tenant, int number, string model, CancellationToken cancellationToken) =>
        index.AdrVectorAsync(tenant, number, model, cancellationToken);

    public Task<IReadOnlyList<int>> StaleAsync(string tenant, string model, int limit, CancellationToken cancellationToken) =>
        index.StaleAsync(tenant, model, limit, cancellationToken);
}
