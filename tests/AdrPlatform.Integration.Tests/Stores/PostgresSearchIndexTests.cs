using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdrPlatform.Integration.Tests.Stores;

[Collection(UsesPostgres.Name)]
public sealed class PostgresSearchIndexTests(PostgresDatabase database) : SearchIndexContract
{
    protected override ISearchIndex Index { get; } = new PostgresSearchIndex(database.App, NullLogger<PostgresSearchIndex>.Instance);
}
