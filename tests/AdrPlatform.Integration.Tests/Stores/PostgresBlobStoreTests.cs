using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdrPlatform.Integration.Tests.Stores;

[Collection(UsesPostgres.Name)]
public sealed class PostgresBlobStoreTests(PostgresDatabase database) : BlobStoreContract
{
    protected override IBlobStore Store { get; } = new PostgresBlobStore(database.App, NullLogger<PostgresBlobStore>.Instance);
}
