using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdrPlatform.Integration.Tests.Stores;

[Collection(UsesPostgres.Name)]
public sealed class PostgresAdrStoreTests(PostgresDatabase database) : AdrStoreContract
{
    protected override IAdrStore Store { get; } = new PostgresAdrStore(database.App, NullLogger<PostgresAdrStore>.Instance);
}
