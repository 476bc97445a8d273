using System.Collections.Immutable;
using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Domain;
using AdrPlatform.Domain.Search;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static AdrPlatform.Integration.Tests.Stores.AppRoleSql;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>
/// Every table with a tenant column, found in the catalog (so a new table is attacked as soon as it exists), tried as
/// the application role with raw SQL: forced row-level security, no reads, changes or deletes of another tenant's
/// rows, no rows written in another tenant's name, nothing at all without a tenant. Both tenants are seeded through
/// the platform's own adapters, one row or more in each table.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class SchemaRowLevelSecurityTests(PostgresDatabase database)
{
    [Fact]
    public async Task Every_tenant_table_is_closed_to_other_tenants_and_to_sessions_without_a_tenant()
    {
        var victim = NewTenant();
        var attacker = NewTenant();
        await SeedAsync(victim);
        await SeedAsync(attacker);
        await using var connection = await database.App.OpenConnectionAsync();
        var tables = await TenantTablesAsync(connection);
        Assert.Superset(new HashSet<string>(["adrs", "adr_versions", "adr_links", "adr_chunks", "usage_ledger", "blobs", "documents", "document_chunks"]), tables.ToHashSet());

        foreach (var table in tables)
        {
            Assert.True(await RowSecurityForcedAsync(connection, table), $"{table}: row-level security is not enabled and forced");
            Assert.Equal(0L, await Scalar(connection, null, $"select count(*) from {table}"));

            await using var transaction = await connection.BeginTransactionAsync();
            await Scalar(connection, transaction, $"select set_config('app.tenant', '{attacker}', true)");
            var own = (long)(await Scalar(connection, transaction, $"select count(*) from {table}"))!;
            Assert.True(own > 0, $"{table}: the seed wrote no row for the attacker; seed this table");
            Assert.Equal(0L, await Scalar(connection, transaction, $"select count(*) from {table} where tenant = '{victim}'"));
            Assert.InRange(await AttemptAsync(connection, transaction, $"update {table} set tenant = tenant where tenant = '{victim}'"), Refused, 0);
            Assert.InRange(await AttemptAsync(connection, transaction, $"delete from {table} where tenant = '{victim}'"), Refused, 0);
            var impersonation = await CopyOwnRowAsAsync(connection, transaction, table, victim);
            await Denied(() => Execute(connection, transaction, impersonation));
            await transaction.RollbackAsync();

            await using var moving = await connection.BeginTransactionAsync();
            await Scalar(connection, moving, $"select set_config('app.tenant', '{attacker}', true)");
            Assert.Equal(Refused, await AttemptAsync(connection, moving, $"update {table} set tenant = '{victim}'"));
            await moving.RollbackAsync();
        }

        await using var check = await connection.BeginTransactionAsync();
        await Scalar(connection, check, $"select set_config('app.tenant', '{victim}', true)");
        foreach (var table in tables)
        {
            Assert.True((long)(await Scalar(connection, check, $"select count(*) from {table}"))! > 0, $"{table}: the victim's rows are gone");
        }
    }

    private const int Refused = -1;

    private static string NewTenant() => "s" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Rows affected, or <see cref="Refused"/> when the database refused the statement as not permitted.</summary>
    private static async Task<int> AttemptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var savepoint = new NpgsqlCommand("savepoint attempt", connection, transaction);
        await savepoint.ExecuteNonQueryAsync();
        try
        {
            return await Execute(connection, transaction, sql);
        }
        catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            await Execute(connection, transaction, "rollback to savepoint attempt");
            return Refused;
        }
    }

    /// <summary>An insert of a copy of one of the caller's own rows (generated columns left out) under another tenant's name.</summary>
    private static async Task<string> CopyOwnRowAsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string tenant)
    {
        await using var command = new NpgsqlCommand(
            "select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns " +
            "where table_schema = 'public' and table_name = @table and is_generated = 'NEVER' and column_name <> 'tenant'", connection, transaction);
        command.Parameters.AddWithValue("table", table);
        var columns = (string)(await command.ExecuteScalarAsync())!;
        return $"insert into {table} (tenant, {columns}) select '{tenant}', {columns} from {table} limit 1";
    }

    private static async Task<List<string>> TenantTablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "select c.table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name) " +
            "where c.table_schema = 'public' and c.column_name = 'tenant' and t.table_type = 'BASE TABLE' order by 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<bool> RowSecurityForcedAsync(NpgsqlConnection connection, string table) =>
        (bool)(await Scalar(connection, null, $"select relrowsecurity and relforcerowsecurity from pg_class where oid = 'public.{table}'::regclass"))!;

    private async Task SeedAsync(string tenant)
    {
        var adrs = new PostgresAdrStore(database.App, NullLogger<PostgresAdrStore>.Instance);
        var now = DateTimeOffset.UtcNow;
        var draft = new AdrDraft("Private", AdrTemplate.Madr, "secret body", ImmutableDictionary<string, string>.Empty, ["x"], [], null);
        var first = AdrChanges.Create(tenant, 1, draft, "alice", now, AdrLimits.Default);
        await adrs.WriteAsync(tenant, 0, first, default);
        await adrs.WriteAsync(tenant, 0, AdrChanges.Create(tenant, 2, draft, "alice", now, AdrLimits.Default), default);
        await adrs.WriteAsync(tenant, 1, AdrChanges.Link(first.Record, new AdrLink(1, LinkType.RelatesTo, 2), "alice", now), default);

        var vector = new float[384];
        vector[0] = 1;
        await new PostgresSearchIndex(database.App, NullLogger<PostgresSearchIndex>.Instance).ReplaceAsync(
            tenant, new SearchDocument(1, 1, "Private", AdrStatus.Proposed, ["x"], "alice", [], new DateOnly(2026, 1, 1)),
            [new IndexedChunk(0, "Context", "secret body", vector, "test/model-a")], default);
        await new PostgresUsageLedger(database.App, NullLogger<PostgresUsageLedger>.Instance).RecordAsync(
            tenant, new UsageEntry(Guid.NewGuid().ToString("N"), "alice", "local", 10, 20, 0.01m, now), default);
        await new PostgresBlobStore(database.App, NullLogger<PostgresBlobStore>.Instance).PutAsync(tenant, "upload", "text/plain", "secret bytes"u8.ToArray(), default);
        var documents = new PostgresDocumentIndex(database.App, NullLogger<PostgresDocumentIndex>.Instance);
        await documents.DeclareAsync(tenant, new IndexedDocument("doc", "Private", "text/plain", "job", 1), default);
        await documents.PutChunksAsync(tenant, "doc", [new DocumentChunk(0, "Secret", "the launch code is swordfish")], default);
    }
}
