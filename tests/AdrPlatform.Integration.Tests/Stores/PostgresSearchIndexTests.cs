using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdrPlatform.Integration.Tests.Stores;

[Collection(UsesPostgres.Name)]
public sealed class PostgresSearchIndexTests(PostgresDatabase database) : SearchIndexContract
{
    protected override ISearchIndex Index { get; } = new PostgresSearchIndex(database.App, NullLogger<PostgresSearchIndex>.Instance);

    /// <summary>
    /// Under row-level security only LEAKPROOF conditions may be checked before the tenant policy, so
    /// the full-text match must be leakproof for the GIN index to serve it (install-postgres.sh sets it).
    /// </summary>
    [Fact]
    public async Task The_full_text_match_is_leakproof_so_the_gin_index_can_serve_it_under_row_level_security()
    {
        await using var connection = await database.App.OpenConnectionAsync();
        await using var check = new NpgsqlCommand("select proleakproof from pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure", connection);
        Assert.True((bool)(await check.ExecuteScalarAsync())!);
    }
}
