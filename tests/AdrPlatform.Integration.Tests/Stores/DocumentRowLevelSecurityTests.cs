using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using static AdrPlatform.Integration.Tests.Stores.AppRoleSql;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>Isolation of blobs, documents and their passages enforced by PostgreSQL itself, tried with raw SQL as the application role.</summary>
[Collection(UsesPostgres.Name)]
public sealed class DocumentRowLevelSecurityTests(PostgresDatabase database)
{
    private static readonly string[] Tables = ["blobs", "documents", "document_chunks"];

    private readonly PostgresBlobStore _blobs = new(database.App, NullLogger<PostgresBlobStore>.Instance);
    private readonly PostgresDocumentIndex _documents = new(database.App, NullLogger<PostgresDocumentIndex>.Instance);

    private async Task<string> TenantWithOneDocument()
    {
        var tenant = "r" + Guid.NewGuid().ToString("N")[..12];
        await _blobs.PutAsync(tenant, "upload", "text/plain", "secret bytes"u8.ToArray(), default);
        await _documents.DeclareAsync(tenant, new IndexedDocument("doc", "Private", "text/plain", "job", 1), default);
        await _documents.PutChunksAsync(tenant, "doc", [new DocumentChunk(0, "Secret", "the launch code is swordfish")], default);
        await _documents.MarkSearchableAsync(tenant, "doc", default);
        return tenant;
    }

    [Fact]
    public async Task Another_tenant_set_on_the_connection_reads_changes_and_inserts_nothing_of_the_first()
    {
        var victim = await TenantWithOneDocument();
        await using var connection = await database.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Scalar(connection, transaction, "select set_config('app.tenant', 'attacker', true)");

        foreach (var table in Tables)
        {
            Assert.Equal(0L, await Scalar(connection, transaction, $"select count(*) from {table} where tenant = '{victim}'"));
            Assert.Equal(0, await Execute(connection, transaction, $"delete from {table} where tenant = '{victim}'"));
        }

        Assert.Equal(0, await Execute(connection, transaction, $"update documents set name = 'pwned' where tenant = '{victim}'"));
        Assert.Equal(0, await Execute(connection, transaction, $"update document_chunks set text = 'pwned' where tenant = '{victim}'"));
        await Denied(() => Execute(connection, transaction,
            $"insert into blobs (tenant, blob_id, media_type, sha256, content, size) values ('{victim}', 'x', 't', repeat('0', 64), '', 0)"));
        await transaction.RollbackAsync();

        await using var again = await connection.BeginTransactionAsync();
        await Scalar(connection, again, "select set_config('app.tenant', 'attacker', true)");
        await Denied(() => Execute(connection, again,
            $"insert into documents (tenant, document_id, name, media_type, job_id, chunk_count) values ('{victim}', 'x', 'n', 't', 'j', 0)"));
        await again.RollbackAsync();

        Assert.NotNull(await _blobs.GetAsync(victim, "upload", default));
        Assert.Equal("Private", Assert.Single(await _documents.ListSearchableAsync(victim, default)).Name);
        Assert.Equal("the launch code is swordfish", Assert.Single(await _documents.LexicalAsync(victim, "swordfish", 10, default)).Text);
    }

    [Fact]
    public async Task A_tenant_cannot_hang_passages_on_another_tenants_document()
    {
        var victim = await TenantWithOneDocument();
        await using var connection = await database.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Scalar(connection, transaction, "select set_config('app.tenant', 'attacker', true)");
        await Denied(() => Execute(connection, transaction,
            $"insert into document_chunks (tenant, document_id, chunk_index, heading, text) values ('{victim}', 'doc', 1, 'h', 'planted')"));
        await transaction.RollbackAsync();

        Assert.Single(await _documents.GetChunksAsync(victim, "doc", 0, 10, default));
    }

    [Fact]
    public async Task Without_a_tenant_a_session_sees_nothing_and_cannot_write()
    {
        await TenantWithOneDocument();
        await using var connection = await database.App.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            Assert.Equal(0L, await Scalar(connection, null, $"select count(*) from {table}"));
        }

        await Denied(() => Execute(connection, null,
            "insert into documents (tenant, document_id, name, media_type, job_id, chunk_count) values ('x', 'x', 'n', 't', 'j', 0)"));
        await Denied(() => Execute(connection, null,
            "insert into blobs (tenant, blob_id, media_type, sha256, content, size) values ('x', 'x', 't', repeat('0', 64), '', 0)"));
    }

    [Fact]
    public async Task The_application_role_cannot_rewrite_a_blob()
    {
        var tenant = await TenantWithOneDocument();
        await using var connection = await database.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Scalar(connection, transaction, $"select set_config('app.tenant', '{tenant}', true)");
        await Denied(() => Execute(connection, transaction, "update blobs set content = 'tampered'"));
        await transaction.RollbackAsync();
        await Denied(() => Execute(connection, null, "alter table document_chunks disable row level security"));
    }
}
