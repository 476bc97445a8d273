using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Domain.Search;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>What every <see cref="ISearchIndex"/> adapter must do; each adapter's test class derives from this.</summary>
public abstract class SearchIndexContract
{
    private const string Model = "test/model-a";
    private const string OtherModel = "test/model-b";
    private static readonly LocalHashingEmbeddingGenerator Embeddings = new();

    protected abstract ISearchIndex Index { get; }

    private static string NewTenant() => "s" + Guid.NewGuid().ToString("N")[..12];

    private async Task Put(string tenant, int number, string title, string body, AdrStatus status = AdrStatus.Accepted, string[]? tags = null, int version = 1, DateOnly? decided = null, string model = Model)
    {
        var chunks = MarkdownChunker.Chunk(title, body, ChunkingOptions.Default);
        var vectors = await Embeddings.GenerateAsync(chunks.Select(c => c.Heading + "\n" + c.Text));
        var document = new SearchDocument(number, version, title, status, [.. tags ?? []], "alice", ["bob"], decided ?? new DateOnly(2026, 1, 1));
        await Index.ReplaceAsync(tenant, document, [.. chunks.Select((c, i) => new IndexedChunk(c.Index, c.Heading, c.Text, vectors[i].Vector, model))], default);
    }

    private static async Task<ReadOnlyMemory<float>> Vector(string text) => (await Embeddings.GenerateAsync([text]))[0].Vector;

    [Fact]
    public async Task Lexical_search_ranks_matching_passages_and_applies_filters()
    {
        var tenant = NewTenant();
        await Put(tenant, 1, "Use PostgreSQL", "## Context\n\nWe need a relational database with strong consistency.", tags: ["data"]);
        await Put(tenant, 2, "Use Kafka", "## Context\n\nEvents flow through Kafka topics partitioned by tenant.", AdrStatus.Proposed, ["events"]);
        await Put(tenant, 3, "Frontend colours", "Buttons are blue.", decided: new DateOnly(2020, 5, 1));

        var hits = await Index.LexicalAsync(tenant, "kafka topics", SearchFilter.None, 10, default);
        Assert.Equal(2, hits[0].Number);
        Assert.DoesNotContain(hits, h => h.Number == 1);
        Assert.Equal("Use Kafka", hits[0].Title);

        Assert.Empty(await Index.LexicalAsync(tenant, "kafka", SearchFilter.None with { Statuses = [AdrStatus.Accepted] }, 10, default));
        Assert.Equal([1], (await Index.LexicalAsync(tenant, "database", SearchFilter.None with { Tags = ["data"] }, 10, default)).Select(h => h.Number).Distinct());
        Assert.Empty(await Index.LexicalAsync(tenant, "buttons", SearchFilter.None with { DecidedFrom = new DateOnly(2021, 1, 1) }, 10, default));
        Assert.Equal([3], (await Index.LexicalAsync(tenant, "buttons", SearchFilter.None with { Author = "BOB" }, 10, default)).Select(h => h.Number));
    }

    [Fact]
    public async Task Lexical_search_matches_english_word_forms_keeps_short_names_and_letters_and_ignores_stop_words()
    {
        var tenant = NewTenant();
        await Put(tenant, 1, "Cache the databases", "Every database is cached by the service.");
        await Put(tenant, 2, "Interleukin IL-6", "Serum IL-6 was measured.");
        await Put(tenant, 3, "Interleukin IL-1", "Serum IL-1 was measured.");
        await Put(tenant, 4, "Parser language", "The parser is written in C.");
        await Put(tenant, 5, "Tool language", "The tool is written in Rust.");

        async Task<IReadOnlyList<ChunkHit>> Lexical(string query) => await Index.LexicalAsync(tenant, query, SearchFilter.None, 10, default);
        Assert.Equal([1], (await Lexical("caching databases")).Select(h => h.Number).Distinct());
        Assert.Equal(2, (await Lexical("IL-6"))[0].Number);
        Assert.Equal(3, (await Lexical("IL-1"))[0].Number);
        Assert.Equal(4, (await Lexical("written in C"))[0].Number);
        Assert.Empty(await Lexical("which of the"));
    }

    [Fact]
    public async Task Semantic_search_orders_by_similarity_and_can_exclude_an_adr()
    {
        var tenant = NewTenant();
        await Put(tenant, 1, "Use PostgreSQL as the primary database", "PostgreSQL stores every tenant's records.");
        await Put(tenant, 2, "Frontend button colours", "Buttons are blue and rounded.");

        var hits = await Index.SemanticAsync(tenant, await Vector("which database stores records"), Model, SearchFilter.None, null, 10, default);
        Assert.Equal(1, hits[0].Number);
        Assert.True(hits[0].Score > hits[^1].Score);
        Assert.DoesNotContain(await Index.SemanticAsync(tenant, await Vector("database"), Model, SearchFilter.None, 1, 10, default), h => h.Number == 1);

        var mean = await Index.AdrVectorAsync(tenant, 1, Model, default);
        Assert.NotNull(mean);
        Assert.Equal(1.0, Math.Sqrt(mean.Sum(v => (double)v * v)), 3);
        Assert.Null(await Index.AdrVectorAsync(tenant, 99, Model, default));
    }

    [Fact]
    public async Task Replacing_and_removing_an_adr_changes_what_is_found_and_older_versions_are_ignored()
    {
        var tenant = NewTenant();
        await Put(tenant, 1, "Caching", "Use Redis for caching.", version: 2);
        await Put(tenant, 1, "Caching", "Use Memcached for caching.", version: 1);
        Assert.NotEmpty(await Index.LexicalAsync(tenant, "redis", SearchFilter.None, 10, default));
        Assert.Empty(await Index.LexicalAsync(tenant, "memcached", SearchFilter.None, 10, default));

        await Put(tenant, 1, "Caching", "Use Valkey for caching.", version: 3);
        Assert.Empty(await Index.LexicalAsync(tenant, "redis", SearchFilter.None, 10, default));
        Assert.NotEmpty(await Index.LexicalAsync(tenant, "valkey", SearchFilter.None, 10, default));

        await Index.RemoveAsync(tenant, 1, default);
        Assert.Empty(await Index.LexicalAsync(tenant, "valkey", SearchFilter.None, 10, default));
        Assert.Empty(await Index.SemanticAsync(tenant, await Vector("valkey caching"), Model, SearchFilter.None, null, 10, default));
    }

    [Fact]
    public async Task Tenants_never_see_each_others_passages()
    {
        var mine = NewTenant();
        await Put(mine, 1, "Secret plan", "The launch code is swordfish.");
        var theirs = NewTenant();
        Assert.Empty(await Index.LexicalAsync(theirs, "swordfish", SearchFilter.None, 10, default));
        Assert.Empty(await Index.SemanticAsync(theirs, await Vector("swordfish launch code"), Model, SearchFilter.None, null, 10, default));
        Assert.Null(await Index.AdrVectorAsync(theirs, 1, Model, default));
    }

    [Fact]
    public async Task Vectors_of_another_model_are_never_compared_and_are_listed_until_replaced()
    {
        var tenant = NewTenant();
        await Put(tenant, 1, "Use PostgreSQL", "PostgreSQL stores every tenant's records.");
        await Put(tenant, 2, "Use PostgreSQL too", "PostgreSQL stores every tenant's records.", model: OtherModel);
        await Put(tenant, 3, "Use PostgreSQL again", "PostgreSQL stores every tenant's records.", model: OtherModel);

        var query = await Vector("PostgreSQL records");
        Assert.Equal([1], (await Index.SemanticAsync(tenant, query, Model, SearchFilter.None, null, 10, default)).Select(h => h.Number));
        Assert.Equal([2, 3], (await Index.SemanticAsync(tenant, query, OtherModel, SearchFilter.None, null, 10, default)).Select(h => h.Number).Order());
        Assert.Null(await Index.AdrVectorAsync(tenant, 2, Model, default));
        Assert.NotNull(await Index.AdrVectorAsync(tenant, 2, OtherModel, default));
        Assert.Equal([2, 3], await Index.StaleAsync(tenant, Model, 10, default));
        Assert.Equal([2], await Index.StaleAsync(tenant, Model, 1, default));

        await Put(tenant, 2, "Use PostgreSQL too", "PostgreSQL stores every tenant's records.");
        Assert.Equal([3], await Index.StaleAsync(tenant, Model, 10, default));
        Assert.Equal([1, 2], (await Index.SemanticAsync(tenant, query, Model, SearchFilter.None, null, 10, default)).Select(h => h.Number).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("'; drop table adr_chunks; --")]
    [InlineData("\"unterminated")]
    [InlineData("or -and +not")]
    [InlineData("数据库 迁移")]
    [InlineData("Datenbank-Migration überprüfen")]
    public async Task Queries_of_every_shape_answer_cleanly(string query)
    {
        var tenant = NewTenant();
        await Put(tenant, 1, "Datenbank-Migration 数据库", "Wir überprüfen die Datenbank-Migration. 数据库 迁移 plan.");
        var hits = await Index.LexicalAsync(tenant, query, SearchFilter.None, 10, default);
        Assert.All(hits, h => Assert.Equal(1, h.Number));
        Assert.NotNull(await Index.SemanticAsync(tenant, await Vector(query), Model, SearchFilter.None, null, 10, default));
    }
}
