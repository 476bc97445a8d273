using AdrPlatform.Adapters.Onnx;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Npgsql;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests.Embeddings;

/// <summary>A platform restarted with another embedding model on the same database re-embeds what the old one indexed.</summary>
[Collection(UsesPostgres.Name)]
public sealed class EmbeddingModelChangeTests(PostgresDatabase database)
{
    [Fact]
    public async Task Passages_of_the_old_model_are_embedded_again_and_found_with_the_new_one()
    {
        var tenant = Rpc.Tenant();
        var before = await StartAsync("hashing", null);
        try
        {
            var clients = Clients.For(before, Transport.Grpc, tenant, "alice", "editor");
            await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "## Decision\n\nPostgreSQL stores every tenant's records." });
            await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Button colours", Body = "Buttons are blue." });
            await Eventually.HoldsAsync(() => ModelsAsync(tenant), models => models.Keys.Select(k => k.Number).Distinct().Count() == 2, "the first host did not index both ADRs");
        }
        finally
        {
            await before.DisposeAsync();
        }

        Assert.DoesNotContain(OnnxEmbeddingModel.MiniLm.ModelId, (await ModelsAsync(tenant)).Values);
        var after = await StartAsync("onnx", OnnxEmbeddingModel.MiniLmName);
        try
        {
            var search = new SearchService.SearchServiceClient(Clients.For(after, Transport.Grpc, tenant, "alice", "viewer").Invoker);

            // The first search starts the tenant's refresh; until it is done, the old vectors are left out.
            var response = await Eventually.HoldsAsync(
                () => search.SearchAsync(new SearchRequest { Query = "which database keeps our data", Mode = SearchMode.Semantic }).ResponseAsync,
                r => r.Hits.Count == 2,
                "the ADRs were not re-embedded",
                timeout: TimeSpan.FromMinutes(2));
            Assert.Equal("ADR-0001", response.Hits[0].AdrId);
            Assert.All((await ModelsAsync(tenant)).Values, model => Assert.Equal(OnnxEmbeddingModel.MiniLm.ModelId, model));
        }
        finally
        {
            await after.DisposeAsync();
        }
    }

    private static async Task<GatewayHost> StartAsync(string provider, string? model)
    {
        var host = GatewayHost.With(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:AdrPlatform"] = PostgresDatabase.AppConnectionString,
            ["Embeddings:Provider"] = provider,
            ["Embeddings:Model"] = model,
        });
        await host.InitializeAsync();
        return host;
    }

    /// <summary>The embedding model of each of the tenant's ADR passages, read as the application role under the tenant.</summary>
    private async Task<IReadOnlyDictionary<(int Number, int Chunk), string>> ModelsAsync(string tenant)
    {
        await using var connection = await database.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var scope = new NpgsqlCommand("select set_config('app.tenant', @tenant, true)", connection, transaction))
        {
            scope.Parameters.AddWithValue("tenant", tenant);
            await scope.ExecuteNonQueryAsync();
        }

        await using var query = new NpgsqlCommand("select number, chunk_index, embedding_model from adr_chunks", connection, transaction);
        await using var reader = await query.ExecuteReaderAsync();
        var models = new Dictionary<(int, int), string>();
        while (await reader.ReadAsync())
        {
            models[(reader.GetInt32(0), reader.GetInt32(1))] = reader.GetString(2);
        }

        return models;
    }
}
