using Npgsql;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>Raw statements on a connection of the application role, for tests that attack the database directly.</summary>
internal static class AppRoleSql
{
    public static async Task<object?> Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync();
    }

    public static async Task<int> Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task Denied(Func<Task> attempt)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(attempt);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }
}
