using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Errors;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>What every <see cref="IDocumentIndex"/> adapter must do; each adapter's test class derives from this.</summary>
public abstract class DocumentIndexContract
{
    private const string Model = "test/model-a";
    private const string OtherModel = "test/model-b";
    private static readonly LocalHashingEmbeddingGenerator Embeddings = new();

    protected abstract IDocumentIndex Index { get; }

    private static string NewTenant() => "d" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<ReadOnlyMemory<float>> Vector(string text) => (await Embeddings.GenerateAsync([text]))[0].Vector;

    private static DocumentChunk[] Chunks(params string[] texts) => [.. texts.Select((text, i) => new DocumentChunk(i, $"Section {i}", text))];

    private async Task Embed(string tenant, string documentId, IEnumerable<DocumentChunk> chunks, string model = Model)
    {
        var list = chunks.ToList();
        var vectors = await Embeddings.GenerateAsync(list.Select(c => c.Heading + "\n" + c.Text));
        await Index.SetEmbeddingsAsync(tenant, documentId, model, [.. list.Select((c, i) => (c.Index, vectors[i].Vector))], default);
    }

    /// <summary>Runs every ingestion step: declare, put, embed, mark searchable.</summary>
    private Task Ingest(string tenant, string documentId, string name, params string[] texts) => IngestWith(Model, tenant, documentId, name, texts);

    private async Task IngestWith(string model, string tenant, string documentId, string name, params string[] texts)
    {
        var chunks = Chunks(texts);
        await Index.DeclareAsync(tenant, new IndexedDocument(documentId, name, "text/markdown", "job-" + documentId, chunks.Length), default);
        await Index.PutChunksAsync(tenant, documentId, chunks, default);
        await Embed(tenant, documentId, chunks, model);
        await Index.MarkSearchableAsync(tenant, documentId, default);
    }

    [Fact]
    public async Task Chunks_read_back_in_index_order_by_range()
    {
        var tenant = NewTenant();
        var chunks = Chunks("zero", "one", "two", "three", "four");
        await Index.DeclareAsync(tenant, new IndexedDocument("doc", "Doc", "text/plain", "job", 5), default);
        await Index.PutChunksAsync(tenant, "doc", [.. chunks.Reverse()], default);

        Assert.Equal(chunks, await Index.GetChunksAsync(tenant, "doc", 0, 100, default));
        Assert.Equal(chunks[1..3], await Index.GetChunksAsync(tenant, "doc", 1, 2, default));
        Assert.Equal(chunks[3..], await Index.GetChunksAsync(tenant, "doc", 3, int.MaxValue, default));
        Assert.Empty(await Index.GetChunksAsync(tenant, "doc", 5, 1, default));
        Assert.Empty(await Index.GetChunksAsync(tenant, "doc", 2, 0, default));
        Assert.Empty(await Index.GetChunksAsync(tenant, "unknown", 0, 10, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Index.GetChunksAsync(tenant, "doc", -1, 1, default));
    }

    [Fact]
    public async Task Redelivered_steps_store_each_chunk_and_embedding_once()
    {
        var tenant = NewTenant();
        var chunks = Chunks("alpha kafka", "beta kafka", "gamma kafka", "delta kafka");
        var document = new IndexedDocument("doc", "Doc", "text/plain", "job", chunks.Length);
        await Index.DeclareAsync(tenant, document, default);
        await Index.PutChunksAsync(tenant, "doc", chunks[..3], default);
        await Index.PutChunksAsync(tenant, "doc", chunks[1..], default);
        await Index.PutChunksAsync(tenant, "doc", chunks, default);
        await Embed(tenant, "doc", chunks[..2]);
        Assert.Equal(2, await Index.CountEmbeddedAsync(tenant, "doc", default));
        await Embed(tenant, "doc", chunks);
        await Embed(tenant, "doc", chunks);
        await Index.MarkSearchableAsync(tenant, "doc", default);
        await Index.MarkSearchableAsync(tenant, "doc", default);
        await Index.PutChunksAsync(tenant, "doc", chunks, default);

        Assert.Equal(chunks, await Index.GetChunksAsync(tenant, "doc", 0, 10, default));
        Assert.Equal(4, await Index.CountEmbeddedAsync(tenant, "doc", default));
        Assert.Equal([document], await Index.ListSearchableAsync(tenant, default));
        Assert.Equal(4, (await Index.LexicalAsync(tenant, "kafka", 10, default)).Count);
        Assert.Equal(4, (await Index.SemanticAsync(tenant, await Vector("kafka"), Model, 10, default)).Count);
    }

    [Fact]
    public async Task A_chunk_put_again_with_new_text_takes_it_and_drops_its_stale_embedding()
    {
        var tenant = NewTenant();
        await Ingest(tenant, "doc", "Doc", "use redis for caching", "use postgres for data");

        await Index.PutChunksAsync(tenant, "doc", [new DocumentChunk(0, "Section 0", "use valkey for caching")], default);

        Assert.Equal("use valkey for caching", (await Index.GetChunksAsync(tenant, "doc", 0, 1, default))[0].Text);
        Assert.Equal(1, await Index.CountEmbeddedAsync(tenant, "doc", default));
        Assert.Empty(await Index.LexicalAsync(tenant, "redis", 10, default));
        Assert.Equal([0], (await Index.LexicalAsync(tenant, "valkey", 10, default)).Select(h => h.ChunkIndex));
    }

    [Fact]
    public async Task A_document_is_invisible_to_searches_until_marked_searchable()
    {
        var tenant = NewTenant();
        var chunks = Chunks("the launch code is swordfish");
        await Index.DeclareAsync(tenant, new IndexedDocument("doc", "Plans", "text/plain", "job", 1), default);
        await Index.PutChunksAsync(tenant, "doc", chunks, default);
        await Embed(tenant, "doc", chunks);

        Assert.Empty(await Index.LexicalAsync(tenant, "swordfish", 10, default));
        Assert.Empty(await Index.SemanticAsync(tenant, await Vector("swordfish launch code"), Model, 10, default));
        Assert.Empty(await Index.ListSearchableAsync(tenant, default));

        await Index.MarkSearchableAsync(tenant, "doc", default);

        var hit = Assert.Single(await Index.LexicalAsync(tenant, "swordfish", 10, default));
        Assert.Equal(("doc", "Plans", 0, "Section 0", "the launch code is swordfish"), (hit.DocumentId, hit.Name, hit.ChunkIndex, hit.Heading, hit.Text));
        Assert.True(hit.Score > 0);
        Assert.Equal("doc", Assert.Single(await Index.SemanticAsync(tenant, await Vector("swordfish launch code"), Model, 10, default)).DocumentId);
    }

    [Fact]
    public async Task Re_declaring_a_document_resets_it_to_empty_and_not_searchable()
    {
        var tenant = NewTenant();
        await Ingest(tenant, "doc", "Old name", "the old text about kafka", "more old text");

        var redeclared = new IndexedDocument("doc", "New name", "application/pdf", "job-2", 1);
        await Index.DeclareAsync(tenant, redeclared, default);

        Assert.Empty(await Index.GetChunksAsync(tenant, "doc", 0, 10, default));
        Assert.Equal(0, await Index.CountEmbeddedAsync(tenant, "doc", default));
        Assert.Empty(await Index.ListSearchableAsync(tenant, default));
        Assert.Empty(await Index.LexicalAsync(tenant, "kafka", 10, default));

        await Index.PutChunksAsync(tenant, "doc", Chunks("the new text about kafka"), default);
        await Index.MarkSearchableAsync(tenant, "doc", default);
        Assert.Equal([redeclared], await Index.ListSearchableAsync(tenant, default));
        Assert.Equal("New name", Assert.Single(await Index.LexicalAsync(tenant, "kafka", 10, default)).Name);
        Assert.Empty(await Index.SemanticAsync(tenant, await Vector("kafka"), Model, 10, default));
    }

    [Fact]
    public async Task Late_steps_for_an_undeclared_document_or_dropped_chunk_are_ignored()
    {
        var tenant = NewTenant();
        await Index.PutChunksAsync(tenant, "nope", Chunks("text"), default);
        await Index.SetEmbeddingsAsync(tenant, "nope", Model, [(0, await Vector("text"))], default);
        await Index.MarkSearchableAsync(tenant, "nope", default);
        Assert.Empty(await Index.GetChunksAsync(tenant, "nope", 0, 10, default));
        Assert.Empty(await Index.ListSearchableAsync(tenant, default));

        await Index.DeclareAsync(tenant, new IndexedDocument("doc", "Doc", "text/plain", "job", 1), default);
        await Index.PutChunksAsync(tenant, "doc", Chunks("text"), default);
        await Index.SetEmbeddingsAsync(tenant, "doc", Model, [(0, await Vector("text")), (5, await Vector("dropped"))], default);
        Assert.Equal(1, await Index.CountEmbeddedAsync(tenant, "doc", default));
        Assert.Equal([0], (await Index.GetChunksAsync(tenant, "doc", 0, 10, default)).Select(c => c.Index));
    }

    [Fact]
    public async Task Chunks_outside_the_declared_count_and_marking_an_incomplete_document_are_refused()
    {
        var tenant = NewTenant();
        await Index.DeclareAsync(tenant, new IndexedDocument("doc", "Doc", "text/plain", "job", 2), default);
        var outside = await Assert.ThrowsAsync<AdrPlatformException>(() => Index.PutChunksAsync(tenant, "doc", Chunks("a", "b", "c"), default));
        Assert.Equal(ErrorKind.InvalidArgument, outside.Kind);
        Assert.Empty(await Index.GetChunksAsync(tenant, "doc", 0, 10, default));

        await Index.PutChunksAsync(tenant, "doc", Chunks("only the first"), default);
        var incomplete = await Assert.ThrowsAsync<AdrPlatformException>(() => Index.MarkSearchableAsync(tenant, "doc", default));
        Assert.Equal(ErrorKind.FailedPrecondition, incomplete.Kind);
        Assert.Empty(await Index.ListSearchableAsync(tenant, default));
        Assert.Empty(await Index.LexicalAsync(tenant, "first", 10, default));
    }

    [Fact]
    public async Task Removing_a_document_removes_it_and_its_chunks()
    {
        var tenant = NewTenant();
        await Ingest(tenant, "doc", "Doc", "valkey caching");
        await Ingest(tenant, "other", "Other", "valkey clustering");

        await Index.RemoveAsync(tenant, "doc", default);
        await Index.RemoveAsync(tenant, "doc", default);
        await Index.RemoveAsync(tenant, "never-existed", default);

        Assert.Empty(await Index.GetChunksAsync(tenant, "doc", 0, 10, default));
        Assert.Equal(0, await Index.CountEmbeddedAsync(tenant, "doc", default));
        Assert.Equal(["other"], (await Index.ListSearchableAsync(tenant, default)).Select(d => d.DocumentId));
        Assert.Equal(["other"], (await Index.LexicalAsync(tenant, "valkey", 10, default)).Select(h => h.DocumentId));
        Assert.Equal(["other"], (await Index.SemanticAsync(tenant, await Vector("valkey caching"), Model, 10, default)).Select(h => h.DocumentId));

        await Index.PutChunksAsync(tenant, "doc", Chunks("valkey resurrected"), default);
        await Index.MarkSearchableAsync(tenant, "doc", default);
        Assert.Empty(await Index.GetChunksAsync(tenant, "doc", 0, 10, default));
        Assert.Equal(["other"], (await Index.LexicalAsync(tenant, "valkey", 10, default)).Select(h => h.DocumentId));
    }

    [Fact]
    public async Task Tenants_never_see_or_touch_each_others_documents()
    {
        var mine = NewTenant();
        var theirs = NewTenant();
        await Ingest(mine, "doc", "Secret", "the launch code is swordfish");

        Assert.Empty(await Index.LexicalAsync(theirs, "swordfish", 10, default));
        Assert.Empty(await Index.SemanticAsync(theirs, await Vector("swordfish launch code"), Model, 10, default));
        Assert.Empty(await Index.ListSearchableAsync(theirs, default));
        Assert.Empty(await Index.GetChunksAsync(theirs, "doc", 0, 10, default));
        Assert.Equal(0, await Index.CountEmbeddedAsync(theirs, "doc", default));
        await Index.PutChunksAsync(theirs, "doc", Chunks("overwritten"), default);
        await Index.SetEmbeddingsAsync(theirs, "doc", Model, [(0, await Vector("overwritten"))], default);

        await Index.RemoveAsync(theirs, "doc", default);
        await Index.DeclareAsync(theirs, new IndexedDocument("doc", "Theirs", "text/plain", "job", 0), default);
        await Index.MarkSearchableAsync(theirs, "doc", default);

        Assert.Equal("Secret", Assert.Single(await Index.ListSearchableAsync(mine, default)).Name);
        Assert.Equal("the launch code is swordfish", Assert.Single(await Index.LexicalAsync(mine, "swordfish", 10, default)).Text);
    }

    [Fact]
    public async Task Lexical_search_ranks_the_best_matching_passages_first_and_honours_the_limit()
    {
        var tenant = NewTenant();
        await Ingest(tenant, "weak", "Weak", "we once considered kafka among many other options for messaging queues and brokers");
        await Ingest(tenant, "strong", "Strong", "kafka kafka topics: kafka partitions by tenant", "unrelated text about buttons");
        await Ingest(tenant, "none", "None", "buttons are blue");

        var hits = await Index.LexicalAsync(tenant, "kafka", 10, default);
        Assert.Equal([("strong", 0), ("weak", 0)], hits.Select(h => (h.DocumentId, h.ChunkIndex)));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Equal(["strong"], (await Index.LexicalAsync(tenant, "kafka", 1, default)).Select(h => h.DocumentId));
        Assert.Empty(await Index.LexicalAsync(tenant, "kafka", 0, default));
        Assert.Empty(await Index.LexicalAsync(tenant, "zeppelin", 10, default));
    }

    [Fact]
    public async Task Lexical_search_matches_english_word_forms_keeps_short_names_apart_and_ignores_stop_words()
    {
        var tenant = NewTenant();
        await Ingest(tenant, "cache", "Cache", "Every database is cached by the service.");
        await Ingest(tenant, "il6", "IL-6", "Serum IL-6 was measured.");
        await Ingest(tenant, "il1", "IL-1", "Serum IL-1 was measured.");

        Assert.Equal(["cache"], (await Index.LexicalAsync(tenant, "caching databases", 10, default)).Select(h => h.DocumentId));
        Assert.Equal("il6", (await Index.LexicalAsync(tenant, "IL-6", 10, default))[0].DocumentId);
        Assert.Equal("il1", (await Index.LexicalAsync(tenant, "IL-1", 10, default))[0].DocumentId);
        Assert.Empty(await Index.LexicalAsync(tenant, "which of the", 10, default));
    }

    [Fact]
    public async Task Semantic_search_ranks_embedded_passages_by_similarity_and_honours_the_limit()
    {
        var tenant = NewTenant();
        await Ingest(tenant, "db", "Database", "PostgreSQL is the relational database that stores every tenant's records");
        await Ingest(tenant, "ui", "Frontend", "Buttons are blue and rounded");
        var chunks = Chunks("an unembedded passage about the relational database");
        await Index.DeclareAsync(tenant, new IndexedDocument("raw", "Raw", "text/plain", "job", 1), default);
        await Index.PutChunksAsync(tenant, "raw", chunks, default);
        await Index.MarkSearchableAsync(tenant, "raw", default);

        var hits = await Index.SemanticAsync(tenant, await Vector("which relational database stores records"), Model, 10, default);
        Assert.Equal(["db", "ui"], hits.Select(h => h.DocumentId));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.InRange(hits[0].Score, 0, 1.000001);
        Assert.Equal("Database", hits[0].Name);
        Assert.Equal(["db"], (await Index.SemanticAsync(tenant, await Vector("relational database"), Model, 1, default)).Select(h => h.DocumentId));
        Assert.Empty(await Index.SemanticAsync(tenant, await Vector("database"), Model, 0, default));
    }

    [Fact]
    public async Task Vectors_of_another_model_are_never_compared_and_stale_passages_get_the_new_ones()
    {
        var tenant = NewTenant();
        await IngestWith(OtherModel, tenant, "old", "Old", "PostgreSQL stores the records", "Kafka carries the events");
        await Ingest(tenant, "new", "New", "PostgreSQL stores the records");
        var query = await Vector("PostgreSQL records");
        Assert.Equal(["new"], (await Index.SemanticAsync(tenant, query, Model, 10, default)).Select(h => h.DocumentId));

        var stale = await Index.StaleChunksAsync(tenant, Model, 10, default);
        Assert.Equal([("old", 0, OtherModel), ("old", 1, OtherModel)], stale.Select(c => (c.DocumentId, c.Index, c.Model)).Order());
        Assert.Single(await Index.StaleChunksAsync(tenant, Model, 1, default));
        await Index.ReplaceStaleAsync(tenant, Model, [.. stale.Select(c => (c, query))], default);

        Assert.Empty(await Index.StaleChunksAsync(tenant, Model, 10, default));
        Assert.Equal(["new", "old", "old"], (await Index.SemanticAsync(tenant, query, Model, 10, default)).Select(h => h.DocumentId).Order());
        Assert.Empty(await Index.SemanticAsync(tenant, query, OtherModel, 10, default));
        Assert.Equal(2, await Index.CountEmbeddedAsync(tenant, "old", default));
    }

    [Fact]
    public async Task A_stale_passage_changed_or_re_embedded_meanwhile_keeps_what_it_has_now()
    {
        var tenant = NewTenant();
        await IngestWith(OtherModel, tenant, "doc", "Doc", "first text", "second text");
        var stale = (await Index.StaleChunksAsync(tenant, Model, 10, default)).OrderBy(c => c.Index).ToList();
        var marker = await Vector("a vector only this test writes");

        await Index.SetEmbeddingsAsync(tenant, "doc", "test/model-c", [(0, await Vector("first text"))], default);
        await Index.PutChunksAsync(tenant, "doc", [new DocumentChunk(1, "Section 1", "rewritten text")], default);
        await Index.ReplaceStaleAsync(tenant, Model, [.. stale.Select(c => (c, marker))], default);

        Assert.Equal([(0, "test/model-c")], (await Index.StaleChunksAsync(tenant, Model, 10, default)).Select(c => (c.Index, c.Model)));
        Assert.Equal(1, await Index.CountEmbeddedAsync(tenant, "doc", default));
        Assert.Empty(await Index.SemanticAsync(tenant, marker, Model, 10, default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("'; drop table documents; --")]
    [InlineData("\"unterminated")]
    [InlineData("or -and +not")]
    [InlineData("a:* & b | !c")]
    [InlineData("数据库 迁移")]
    [InlineData("Datenbank-Migration überprüfen")]
    public async Task Hostile_names_and_queries_of_every_shape_are_only_data(string query)
    {
        var tenant = NewTenant();
        const string name = "x'); delete from document_chunks; --";
        await Ingest(tenant, "'; drop table documents; --", name, "Wir überprüfen die Datenbank-Migration. 数据库 迁移 plan.");

        var hits = await Index.LexicalAsync(tenant, query, 10, default);
        Assert.All(hits, h => Assert.Equal(name, h.Name));
        Assert.NotNull(await Index.SemanticAsync(tenant, await Vector(query), Model, 10, default));
        Assert.Equal(name, Assert.Single(await Index.ListSearchableAsync(tenant, default)).Name);
        Assert.Single(await Index.GetChunksAsync(tenant, "'; drop table documents; --", 0, 10, default));
    }
}
