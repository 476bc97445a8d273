namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>The real front silo on the test database: ADRs, grain state and membership in PostgreSQL.</summary>
public sealed class PostgresGatewayHost() : GatewayHost(new Dictionary<string, string?>
{
    ["Storage:Provider"] = "postgres",
    ["ConnectionStrings:AdrPlatform"] = PostgresDatabase.AppConnectionString,
});
