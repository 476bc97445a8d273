using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// Applies the embedded forward-only migrations (<c>Migrations/NNNN_name.sql</c>) in order, each in
/// its own transaction, as the owner role. Applied scripts are recorded with a checksum: running
/// twice changes nothing, and an edited script that was already applied stops the run.
/// </summary>
public sealed class PostgresMigrator(string ownerConnectionString)
{
    private const string Prefix = "migrations/";

    // Any fixed number: serialises migrators of several silos starting at once.
    private const long AdvisoryLockKey = 0x4144525F4D494752;

    public static IReadOnlyList<(string Id, string Sql)> Scripts() =>
        [.. typeof(PostgresMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (name[Prefix.Length..^4], Read(name)))];

    /// <summary>Applies what is missing; returns the ids of the scripts it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var setup = await connection.BeginTransactionAsync(cancellationToken))
        {
            await Execute(connection, setup, $"select pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            await Execute(connection, setup, """
                create table if not exists schema_migrations (
                    id         text primary key,
                    checksum   text not null,
                    applied_at timestamptz not null default now())
                """, cancellationToken);
            await setup.CommitAsync(cancellationToken);
        }

        var applied = new List<string>();
        foreach (var (id, sql) in Scripts())
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, $"select pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            var checksum = Checksum(sql);
            var recorded = await RecordedChecksum(connection, transaction, id, cancellationToken);
            if (recorded is not null)
            {
                if (recorded != checksum)
                {
                    throw new InvalidOperationException($"Migration {id} was changed after it was applied; add a new migration instead.");
                }

                continue;
            }

            await Execute(connection, transaction, sql, cancellationToken);
            await using (var record = new NpgsqlCommand("insert into schema_migrations (id, checksum) values (@id, @checksum)", connection, transaction))
            {
                record.Parameters.AddWithValue("id", id);
                record.Parameters.AddWithValue("checksum", checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied.Add(id);
        }

        return applied;
    }

    private static async Task<string?> RecordedChecksum(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("select checksum from schema_migrations where id = @id", connection, transaction);
        query.Parameters.AddWithValue("id", id);
        return (string?)await query.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        // No time-out: a migration may rewrite a whole table (0015 recomputes every passage's tsvector), and waiting for
        // the lock of another silo's migration takes as long as that one does. The caller's token still cancels it.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Checksum(string sql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
