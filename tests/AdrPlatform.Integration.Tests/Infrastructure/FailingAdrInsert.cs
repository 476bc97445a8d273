using System.Globalization;
using Npgsql;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// Makes the test database refuse to store one ADR of one tenant, as a store failing in the middle of a
/// batch of writes would, until disposed.
/// </summary>
public sealed class FailingAdrInsert : IAsyncDisposable
{
    private readonly string _name;

    private FailingAdrInsert(string name) => _name = name;

    /// <param name="tenant">Letters and digits only (it becomes part of a trigger name).</param>
    public static async Task<FailingAdrInsert> StartAsync(string tenant, int number)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        if (!tenant.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The tenant must be letters and digits only.", nameof(tenant));
        }

        var failing = new FailingAdrInsert("fail_adr_insert_" + tenant);
        await RunAsync($"""
            create function {failing._name}() returns trigger language plpgsql as $$
            begin raise exception 'injected failure: ADR {number} of {tenant} cannot be stored'; end $$;
            create trigger {failing._name} before insert on adrs for each row
            when (new.tenant = '{tenant}' and new.number = {number.ToString(CultureInfo.InvariantCulture)})
            execute function {failing._name}();
            """);
        return failing;
    }

    public async ValueTask DisposeAsync() =>
        await RunAsync($"drop trigger {_name} on adrs; drop function {_name}();");

    private static async Task RunAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
