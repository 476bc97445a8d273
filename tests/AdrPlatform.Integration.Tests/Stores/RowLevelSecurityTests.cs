using System.Collections.Immutable;
using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Domain;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static AdrPlatform.Integration.Tests.Stores.AppRoleSql;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>Isolation enforced by PostgreSQL itself, tried with raw SQL as the application role.</summary>
[Collection(UsesPostgres.Name)]
public sealed class RowLevelSecurityTests(PostgresDatabase database)
{
    private readonly PostgresAdrStore _store = new(database.App, NullLogger<PostgresAdrStore>.Instance);

    private async Task<string> TenantWithOneAdr()
    {
        var tenant = "r" + Guid.NewGuid().ToString("N")[..12];
        var draft = new AdrDraft("Private", AdrTemplate.Madr, "secret body", ImmutableDictionary<string, string>.Empty, ["x"], [], null);
        await _store.WriteAsync(tenant, 0, AdrChanges.Create(tenant, 1, draft, "alice", DateTimeOffset.UtcNow, AdrLimits.Default), default);
        return tenant;
    }

    [Fact]
    public async Task Another_tenant_set_on_the_connection_reads_and_writes_nothing_of_the_first()
    {
        var victim = await TenantWithOneAdr();
        await using var connection = await database.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Scalar(connection, transaction, "select set_config('app.tenant', 'attacker', true)");

        Assert.Equal(0L, await Scalar(connection, transaction, $"select count(*) from adrs where tenant = '{victim}'"));
        Assert.Equal(0L, await Scalar(connection, transaction, $"select count(*) from adr_versions where tenant = '{victim}'"));
        Assert.Equal(0, await Execute(connection, transaction, $"update adrs set title = 'pwned' where tenant = '{victim}'"));
        var insert = await Assert.ThrowsAsync<PostgresException>(() =>
            Execute(connection, transaction, $"insert into adr_links (tenant, from_number, type, to_number) values ('{victim}', 1, 1, 1)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, insert.SqlState);
        await transaction.RollbackAsync();

        Assert.Equal("Private", (await _store.FindAsync(victim, 1, default))!.Content.Title);
    }

    [Fact]
    public async Task Without_a_tenant_a_session_sees_nothing_and_cannot_write()
    {
        await TenantWithOneAdr();
        await using var connection = await database.App.OpenConnectionAsync();
        Assert.Equal(0L, await Scalar(connection, null, "select count(*) from adrs"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, null,
            "insert into adrs (tenant, number, title, body, status, version, created_at, created_by, updated_at, updated_by) values ('x', 1, 't', 'b', 1, 1, now(), 'a', now(), 'a')"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_application_role_cannot_bypass_security_rewrite_history_or_change_the_schema()
    {
        var tenant = await TenantWithOneAdr();
        await using var connection = await database.App.OpenConnectionAsync();
        Assert.False((bool)(await Scalar(connection, null, "select rolbypassrls from pg_roles where rolname = current_user"))!);
        Assert.NotEqual("adr_app", await Scalar(connection, null, "select tableowner::text from pg_tables where tablename = 'adrs'"));

        await using var transaction = await connection.BeginTransactionAsync();
        await Scalar(connection, transaction, $"select set_config('app.tenant', '{tenant}', true)");
        await Denied(() => Execute(connection, transaction, "update adr_versions set body = 'rewritten'"));
        await transaction.RollbackAsync();
        await Denied(() => Execute(connection, null, "delete from adrs"));
        await Denied(() => Execute(connection, null, "alter table adrs disable row level security"));
        await Denied(() => Execute(connection, null, "create table sneaky (id int)"));
        await Denied(() => Execute(connection, null, "set row_security = off; select count(*) from adrs"));
    }
}
