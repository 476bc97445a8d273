using System.Collections.Immutable;
using System.Net;
using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Domain;
using AdrPlatform.Errors;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>PostgreSQL goes away and comes back: callers get UNAVAILABLE meanwhile, and nothing written before is lost.</summary>
[Collection(UsesPostgres.Name)]
public sealed class DatabaseOutageTests(PostgresDatabase database)
{
    [Fact]
    public async Task Calls_fail_as_unavailable_while_the_database_is_down_and_work_again_when_it_returns()
    {
        _ = database;
        var target = new NpgsqlConnectionStringBuilder(PostgresDatabase.AppConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, target.Port), FreePort.Next());
        target.Port = proxy.Port;
        target.Timeout = 3;
        await using var dataSource = PostgresDataSource.Create(target.ConnectionString);
        var store = new PostgresAdrStore(dataSource, NullLogger<PostgresAdrStore>.Instance);
        var tenant = "o" + Guid.NewGuid().ToString("N")[..12];

        proxy.Up();
        await store.WriteAsync(tenant, 0, Draft(tenant, 1, "Written before the outage"), default);

        await proxy.Down();
        var error = await Assert.ThrowsAsync<AdrPlatformException>(() => store.WriteAsync(tenant, 0, Draft(tenant, 2, "During"), default));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal(ErrorKind.Unavailable, (await Assert.ThrowsAsync<AdrPlatformException>(() => store.FindAsync(tenant, 1, default))).Kind);

        proxy.Up();
        await Retry(() => store.WriteAsync(tenant, 0, Draft(tenant, 3, "After"), default));
        Assert.Equal("Written before the outage", (await store.FindAsync(tenant, 1, default))!.Content.Title);
        Assert.Null(await store.FindAsync(tenant, 2, default));
        Assert.Equal("After", (await store.FindAsync(tenant, 3, default))!.Content.Title);
    }

    [Fact]
    public async Task An_unreachable_database_at_start_is_unavailable_not_a_crash()
    {
        var nowhere = new NpgsqlConnectionStringBuilder(PostgresDatabase.AppConnectionString) { Port = FreePort.Next(), Timeout = 2 };
        await using var dataSource = PostgresDataSource.Create(nowhere.ConnectionString);
        var store = new PostgresAdrStore(dataSource, NullLogger<PostgresAdrStore>.Instance);
        var error = await Assert.ThrowsAsync<AdrPlatformException>(() => store.MaxNumberAsync("anyone", default));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Contains("unavailable", error.Message, StringComparison.Ordinal);
    }

    private static AdrChange Draft(string tenant, int number, string title) =>
        AdrChanges.Create(tenant, number, new AdrDraft(title, AdrTemplate.Madr, "body", ImmutableDictionary<string, string>.Empty, [], [], null), "alice", DateTimeOffset.UtcNow, AdrLimits.Default);

    /// <summary>The first call after the outage may still meet a pooled connection that died; the pool drops it.</summary>
    private static async Task Retry(Func<Task> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (AdrPlatformException error) when (error.Kind == ErrorKind.Unavailable && attempt < 3)
            {
                await Task.Delay(200);
            }
        }
    }
}
