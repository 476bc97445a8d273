using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Ports;
using AdrPlatform.Workers;

namespace AdrPlatform.Integration.Tests.Embeddings;

public sealed class EmbeddingRefresherTests
{
    [Fact]
    public async Task Document_passages_of_another_model_are_embedded_again_batch_by_batch()
    {
        var documents = new InMemoryDocumentIndex();
        using var embeddings = new LocalHashingEmbeddingGenerator();
        var model = new EmbeddingModel("test/current");
        var index = new InMemorySearchIndex();
        var refresher = new EmbeddingRefresher(index, documents, new AdrIndexer(new InMemoryAdrStore(), index, embeddings, model), embeddings, model);
        DocumentChunk[] chunks = [new(0, "Storage", "PostgreSQL keeps the records"), new(1, "Events", "Kafka carries the events"), new(2, "UI", "Buttons are blue")];
        await documents.DeclareAsync("acme", new IndexedDocument("doc", "Doc", "text/plain", "job", chunks.Length), default);
        await documents.PutChunksAsync("acme", "doc", chunks, default);
        await documents.SetEmbeddingsAsync("acme", "doc", "test/old", [.. chunks.Select(c => (c.Index, (ReadOnlyMemory<float>)new float[384]))], default);
        await documents.MarkSearchableAsync("acme", "doc", default);
        var query = (await embeddings.GenerateAsync(["Kafka events"]))[0].Vector;
        Assert.Empty(await documents.SemanticAsync("acme", query, model.Id, 10, default));

        Assert.Equal(2, await refresher.RefreshBatchAsync("acme", 2, default));
        Assert.Equal(1, await refresher.RefreshBatchAsync("acme", 2, default));
        Assert.Equal(0, await refresher.RefreshBatchAsync("acme", 2, default));

        var hits = await documents.SemanticAsync("acme", query, model.Id, 10, default);
        Assert.Equal(3, hits.Count);
        Assert.Equal(1, hits[0].ChunkIndex);
    }
}
