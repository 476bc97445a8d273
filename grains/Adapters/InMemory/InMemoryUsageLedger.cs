using System.Collections.Concurrent;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.InMemory;

public sealed class InMemoryUsageLedger : IUsageLedger
{
    private readonly ConcurrentDictionary<(string Tenant, string MessageId), UsageEntry> _entries = new();

    public Task RecordAsync(string tenant, UsageEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.TryAdd((tenant, entry.MessageId), entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UsageEntry>> ListAsync(string tenant, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        IReadOnlyList<UsageEntry> entries = [.. _entries.Where(e => e.Key.Tenant == tenant && e.Value.At >= since && e.Value.At < until)
            .Select(e => e.Value).OrderBy(e => e.At).ThenBy(e => e.MessageId, StringComparer.Ordinal)];
        return Task.FromResult(entries);
    }
}
