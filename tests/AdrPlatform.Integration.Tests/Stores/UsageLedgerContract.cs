using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>What every <see cref="IUsageLedger"/> adapter must do.</summary>
public abstract class UsageLedgerContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract IUsageLedger Ledger { get; }

    [Fact]
    public async Task Entries_are_recorded_once_per_message_and_listed_by_time()
    {
        var tenant = "u" + Guid.NewGuid().ToString("N")[..12];
        var first = new UsageEntry("m1", "ada", "default", 100, 20, 0.12345678m, T0.AddHours(1));
        await Ledger.RecordAsync(tenant, first, default);
        await Ledger.RecordAsync(tenant, first with { CostUsd = 99m }, default);
        await Ledger.RecordAsync(tenant, new UsageEntry("m2", "bob", "careful", 5, 5, 0.01m, T0.AddDays(40)), default);

        var november = await Ledger.ListAsync(tenant, T0, T0.AddDays(30), default);
        Assert.Equal([first], november);
        Assert.Equal(2, (await Ledger.ListAsync(tenant, T0, T0.AddDays(60), default)).Count);
        Assert.Empty(await Ledger.ListAsync("other" + tenant, T0, T0.AddDays(60), default));
    }
}

public sealed class InMemoryUsageLedgerTests : UsageLedgerContract
{
    protected override IUsageLedger Ledger { get; } = new InMemoryUsageLedger();
}

[Collection(UsesPostgres.Name)]
public sealed class PostgresUsageLedgerTests(PostgresDatabase database) : UsageLedgerContract
{
    protected override IUsageLedger Ledger { get; } = new PostgresUsageLedger(database.App, NullLogger<PostgresUsageLedger>.Instance);
}
