using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Errors;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdrPlatform.Integration.Tests.Stores;

[Collection(UsesPostgres.Name)]
public sealed class PostgresDocumentIndexTests(PostgresDatabase database) : DocumentIndexContract
{
    protected override IDocumentIndex Index { get; } = new PostgresDocumentIndex(database.App, NullLogger<PostgresDocumentIndex>.Instance);

    [Fact]
    public async Task Queries_use_the_same_web_search_syntax_as_adr_search()
    {
        var tenant = "p" + Guid.NewGuid().ToString("N")[..12];
        await Index.DeclareAsync(tenant, new IndexedDocument("doc", "Doc", "text/plain", "job", 2), default);
        await Index.PutChunksAsync(tenant, "doc", [new(0, "Streams", "kafka topics are partitioned"), new(1, "Queues", "kafka consumers read queues")], default);
        await Index.MarkSearchableAsync(tenant, "doc", default);

        Assert.Equal([1], (await Index.LexicalAsync(tenant, "kafka -topics", 10, default)).Select(h => h.ChunkIndex));
        Assert.Equal([0], (await Index.LexicalAsync(tenant, "\"topics are partitioned\"", 10, default)).Select(h => h.ChunkIndex));
        Assert.Equal([0], (await Index.LexicalAsync(tenant, "streams", 10, default)).Select(h => h.ChunkIndex));
    }

    [Fact]
    public async Task An_embedding_of_another_dimension_than_the_column_is_refused_as_invalid()
    {
        var tenant = "p" + Guid.NewGuid().ToString("N")[..12];
        await Index.DeclareAsync(tenant, new IndexedDocument("doc", "Doc", "text/plain", "job", 1), default);
        await Index.PutChunksAsync(tenant, "doc", [new(0, "H", "text")], default);

        var error = await Assert.ThrowsAsync<AdrPlatformException>(() => Index.SetEmbeddingsAsync(tenant, "doc", "test/model-a", [(0, new float[] { 1, 2, 3 })], default));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(0, await Index.CountEmbeddedAsync(tenant, "doc", default));
    }
}
