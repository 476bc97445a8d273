using AdrPlatform.Adapters.Postgres;
using Microsoft.Extensions.Configuration;

namespace AdrPlatform.Hosting;

/// <summary><c>migrate</c>: applies pending database migrations as the owner role, then exits. Both hosts offer it.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var owner = configuration.GetConnectionString(ConnectionStringNames.Owner);
        if (string.IsNullOrWhiteSpace(owner))
        {
            await errors.WriteLineAsync($"migrate needs ConnectionStrings:{ConnectionStringNames.Owner} (the owner role), e.g. --ConnectionStrings:{ConnectionStringNames.Owner}=\"Host=...\"");
            return 2;
        }

        var applied = await new PostgresMigrator(owner).MigrateAsync(CancellationToken.None);
        await output.WriteLineAsync(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return 0;
    }
}
