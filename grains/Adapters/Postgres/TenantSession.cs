using AdrPlatform.Errors;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// One transaction of one tenant: opens a pooled connection as the application role and sets
/// <c>app.tenant</c> for this transaction only, which the row-level security policies read.
/// </summary>
public sealed partial class TenantSession : IAsyncDisposable
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

    /// <summary>
    /// Runs <paramref name="work"/> in one committed transaction of <paramref name="tenant"/>. A lost
    /// uniqueness race becomes <see cref="StoreConflictException"/>; an unreachable database becomes
    /// UNAVAILABLE for the caller (logged here, without the statement's data).
    /// </summary>
    public static async Task<T> RunAsync<T>(
        NpgsqlDataSource dataSource, string tenant, Func<TenantSession, Task<T>> work, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await using var session = await BeginAsync(dataSource, tenant, cancellationToken);
            var result = await work(session);
            await session.CommitAsync(cancellationToken);
            return result;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new StoreConflictException("A concurrent write got there first.", error);
        }
        catch (NpgsqlException error) when (error is not PostgresException || error.IsTransient)
        {
            LogUnavailable(logger, error);
            throw new AdrPlatformException(ErrorKind.Unavailable, "The database is unavailable; retry shortly.");
        }
    }

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL could not be reached")]
    private static partial void LogUnavailable(ILogger logger, Exception error);
}
