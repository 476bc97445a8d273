using Npgsql;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// One transaction of one tenant: opens a pooled connection as the application role and sets
/// <c>app.tenant</c> for this transaction only, which the row-level security policies read.
/// </summary>
public sealed class TenantSession : IAsyncDisposable
{
    private TenantSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public static async Task<TenantSession> BeginAsync(NpgsqlDataSource dataSource, string tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var scope = new NpgsqlCommand("select set_config('app.tenant', @tenant, true)", connection, transaction))
            {
                scope.Parameters.AddWithValue("tenant", tenant);
                await scope.ExecuteNonQueryAsync(cancellationToken);
            }

            return new TenantSession(connection, transaction);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
