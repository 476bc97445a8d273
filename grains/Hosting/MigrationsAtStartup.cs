using Microsoft.Extensions.Logging;

using AdrPlatform.Adapters.Postgres;

namespace AdrPlatform.Hosting;

/// <summary>Runs the migrations at the very start of the silo's lifecycle, before membership or storage touch the database.</summary>
public sealed partial class MigrationsAtStartup(string ownerConnectionString, ILogger<MigrationsAtStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(MigrationsAtStartup), ServiceLifecycleStage.First, async cancellationToken =>
        {
            var applied = await new PostgresMigrator(ownerConnectionString).MigrateAsync(cancellationToken);
            LogMigrated(logger, applied.Count, string.Join(", ", applied));
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations: {Count} applied ({Ids})")]
    private static partial void LogMigrated(ILogger logger, int count, string ids);
}
