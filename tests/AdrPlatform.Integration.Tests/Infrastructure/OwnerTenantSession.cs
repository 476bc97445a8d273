using Npgsql;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// A read of the test database as the owner role, scoped to one tenant: row-level security is forced on
/// the owner too, so the transaction sets app.tenant like the application does.
/// </summary>
public sealed class OwnerTenantSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private OwnerTenantSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<OwnerTenantSession> OpenAsync(string tenant)
    {
        var connection = new NpgsqlConnection(PostgresDatabase.OwnerConnectionString);
        await connection.OpenAsync();
        var session = new OwnerTenantSession(connection, await connection.BeginTransactionAsync());
        await session.QueryAsync("SELECT set_config('app.tenant', @tenant, true)", row => row.GetString(0), ("tenant", tenant));
        return session;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
