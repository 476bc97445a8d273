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

    public Task<ImmutableArray<int>> TakenNumbersAsync(string tenant, IReadOnlyCollection<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var adrs = Tenant(tenant);
        lock (adrs)
        {
            return Task.FromResult<ImmutableArray<int>>([.. numbers.Where(adrs.Records.ContainsKey).Distinct().Order()]);
        }
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
            int? next = null;
            foreach (var number in adrs.CandidatesNewestFirst(query))
            {
                var record = adrs.Records[number];
                if (!AdrFilter.Matches(record, query))
                {
                    continue;
                }

                if (page.Count == query.PageSize)
                {
                    next = page[^1].Number;
                    break;
                }

                page.Add(adrs.WithLinks(record));
            }

            return Task.FromResult(new AdrPage(page.ToImmutable(), next));
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

        /// <summary>Each ADR's links, kept sorted on write so reads hand out the array as it is.</summary>
        private Dictionary<int, ImmutableArray<AdrLink>> LinksByAdr { get; } = [];

        /// <summary>ADR numbers by tag, so a tag filter walks only the ADRs that carry the tag.</summary>
        private Dictionary<string, SortedSet<int>> NumbersByTag { get; } = new(StringComparer.Ordinal);

        public ImmutableArray<AdrLink> LinksOf(int number) => LinksByAdr.GetValueOrDefault(number, []);

        /// <summary>The numbers a query has to look at, newest first, below its page start.</summary>
        public IEnumerable<int> CandidatesNewestFirst(AdrQuery query)
        {
            var below = query.BeforeNumber ?? int.MaxValue;
            if (!query.Tags.IsDefaultOrEmpty)
            {
                var rarest = query.Tags.Select(t => NumbersByTag.GetValueOrDefault(t)).MinBy(set => set?.Count ?? 0);
                return rarest is null || rarest.Count == 0 || below <= rarest.Min
                    ? []
                    : rarest.GetViewBetween(rarest.Min, below - 1).Reverse();
            }

            return AllBelow(below);
        }

        private IEnumerable<int> AllBelow(int below)
        {
            var keys = Records.Keys;
            int low = 0, high = keys.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = keys[middle] < below ? (middle + 1, high) : (low, middle);
            }

            for (var i = low - 1; i >= 0; i--)
            {
                yield return keys[i];
            }
        }

        public AdrRecord WithLinks(AdrRecord record) => record with { Links = LinksOf(record.Number) };

        public void Apply(AdrChange change)
        {
            var record = change.Record with { Links = [] };
            if (Records.TryGetValue(record.Number, out var previous))
            {
                foreach (var tag in previous.Content.Tags)
                {
                    NumbersByTag[tag].Remove(record.Number);
                }
            }

            foreach (var tag in record.Content.Tags)
            {
                if (!NumbersByTag.TryGetValue(tag, out var numbers))
                {
                    NumbersByTag[tag] = numbers = [];
                }

                numbers.Add(record.Number);
            }

            Records[record.Number] = record;
            if (change.NewVersion is { } version)
            {
                if (!Versions.TryGetValue(record.Number, out var history))
                {
                    Versions[record.Number] = history = [];
                }

                history.Add(version);
            }

            foreach (var link in change.AddedLinks.Concat(change.RemovedLinks))
            {
                foreach (var side in (int[])[link.From, link.To])
                {
                    LinksByAdr[side] = [.. LinksOf(side).Except(change.RemovedLinks).Union(change.AddedLinks.Where(l => l.From == side || l.To == side))
                        .Order(AdrLink.Order)];
                }
            }
        }
    }
}
