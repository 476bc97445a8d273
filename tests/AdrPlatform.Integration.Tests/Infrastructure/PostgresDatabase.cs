using AdrPlatform.Adapters.Postgres;
using Npgsql;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// The test database that <c>scripts/install-postgres.sh</c> sets up (override with ADR_PG_TEST_OWNER and
/// ADR_PG_TEST_APP), migrated once per test run. Tests isolate themselves by using fresh tenants.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public static string OwnerConnectionString { get; } = Environment.GetEnvironmentVariable("ADR_PG_TEST_OWNER")
        ?? "Host=127.0.0.1;Port=5432;Database=adrplatform_test;Username=adr_owner;Password=adr_owner_dev";

    public static string AppConnectionString { get; } = Environment.GetEnvironmentVariable("ADR_PG_TEST_APP")
        ?? "Host=127.0.0.1;Port=5432;Database=adrplatform_test;Username=adr_app;Password=adr_app_dev";

    public NpgsqlDataSource App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await new PostgresMigrator(OwnerConnectionString).MigrateAsync(CancellationToken.None);
        }
        catch (NpgsqlException error) when (error is not PostgresException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable for the tests ({error.Message}). Run scripts/install-postgres.sh (the test script does), or set ADR_PG_TEST_OWNER and ADR_PG_TEST_APP.", error);
        }

        App = PostgresDataSource.Create(AppConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class UsesPostgres : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "postgres";
}
