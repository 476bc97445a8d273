using System.Collections.Concurrent;
using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Model;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.InMemory;

/// <summary>The embedded default's ADR store: one process, nothing survives a restart.</summary>
public sealed class InMemoryAdrStore : IAdrStore
{
    private readonly ConcurrentDictionary<string, TenantAdrs> _tenants = new(StringComparer.Ordinal);

    public Task<AdrRecord?> FindAsync(string tenant, int number, CancellationToken cancellationToken)
    {
        var adrs = Tenant(tenant);
        lock (adrs)
        {
            return Task.FromResult(adrs.Records.TryGetValue(number, out var record) ? adrs.WithLinks(record) : null);
        }
    }

    public Task<ImmutableArray<AdrLink>> LinksAsync(string tenant, int number, CancellationToken cancellationToken)
    {
        var adrs = Tenant(tenant);
        lock (adrs)
        {
            return Task.FromResult(adrs.LinksOf(number));
        }
    }

    public Task WriteAsync(string tenant, int expectedVersion, AdrChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var adrs = Tenant(tenant);
        var number = change.Record.Number;
        lock (adrs)
        {
            var stored = adrs.Records.TryGetValue(number, out var existing) ? existing.Version : 0;
            if (stored != expectedVersion)
            {
                throw new StoreConflictException($"ADR {number} is at version {stored}, not {expectedVersion}.");
            }

            adrs.Apply(change);
        }

        return Task.CompletedTask;
    }

    public Task InsertManyAsync(string tenant, IReadOnlyList<AdrChange> adrs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adrs);
        var store = Tenant(tenant);
        lock (store)
        {
            var taken = adrs.Select(a => a.Record.Number).Where(store.Records.ContainsKey).ToList();
            if (taken.Count > 0)
            {
                throw new StoreConflictException($"ADR numbers already in use: {string.Join(", ", taken.Select(AdrId.Format))}.");
            }

            foreach (var change in adrs)
            {
                store.Apply(change);
            }
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<AdrVersion>> VersionsAsync(string tenant, int number, CancellationToken cancellationToken)
    {
        var adrs = Tenant(tenant);
        lock (adrs)
        {
            return Task.FromResult(adrs.Versions.TryGetValue(number, out var versions) ? versions.ToImmutableArray() : []);
        }
    }

    public Task<AdrVersion?> FindVersionAsync(string tenant, int number, int version, CancellationToken cancellationToken)
    {
        var adrs = Tenant(tenant);
        lock (adrs)
        {
            var found = adrs.Versions.TryGetValue(number, out var versions) && version >= 1 && version <= versions.Count
                ? versions[version - 1]
                : null;
            return Task.FromResult(found);
        }
    }

    public Task<AdrPage> ListAsync(string tenant, AdrQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var adrs = Tenant(tenant);
        lock (adrs)
        {
            var page = ImmutableArray.CreateBuilder<AdrRecord>(query.PageSize);
            var total = 0;
            int? next = null;
            foreach (var record in adrs.Records.Values.Reverse())
            {
                if (!AdrFilter.Matches(record, query))
                {
                    continue;
                }

                total++;
                if (query.BeforeNumber is { } before && record.Number >= before)
                {
                    continue;
                }

                if (page.Count < query.PageSize)
                {
                    page.Add(adrs.WithLinks(record));
                }
                else
                {
                    next ??= page[^1].Number;
                }
            }

            return Task.FromResult(new AdrPage(page.ToImmutable(), next, total));
        }
    }

    public Task<int> MaxNumberAsync(string tenant, CancellationToken cancellationToken)
    {
        var adrs = Tenant(tenant);
        lock (adrs)
        {
            return Task.FromResult(adrs.Records.Count == 0 ? 0 : adrs.Records.Keys[^1]);
        }
    }

    private TenantAdrs Tenant(string tenant) => _tenants.GetOrAdd(tenant, static _ => new TenantAdrs());

    private sealed class TenantAdrs
    {
        public SortedList<int, AdrRecord> Records { get; } = [];

        public Dictionary<int, List<AdrVersion>> Versions { get; } = [];

        private Dictionary<int, HashSet<AdrLink>> LinksByAdr { get; } = [];

        public ImmutableArray<AdrLink> LinksOf(int number) =>
            LinksByAdr.TryGetValue(number, out var links) ? [.. links.OrderBy(l => l.From).ThenBy(l => l.Type).ThenBy(l => l.To)] : [];

        public AdrRecord WithLinks(AdrRecord record) => record with { Links = LinksOf(record.Number) };

        public void Apply(AdrChange change)
        {
            var record = change.Record with { Links = [] };
            Records[record.Number] = record;
            if (change.NewVersion is { } version)
            {
                if (!Versions.TryGetValue(record.Number, out var history))
                {
                    Versions[record.Number] = history = [];
                }

                history.Add(version);
            }

            foreach (var link in change.AddedLinks)
            {
                Index(link.From).Add(link);
                Index(link.To).Add(link);
            }

            foreach (var link in change.RemovedLinks)
            {
                Index(link.From).Remove(link);
                Index(link.To).Remove(link);
            }
        }

        private HashSet<AdrLink> Index(int number)
        {
            if (!LinksByAdr.TryGetValue(number, out var links))
            {
                LinksByAdr[number] = links = [];
            }

            return links;
        }
    }
}
