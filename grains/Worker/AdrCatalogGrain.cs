using System.Collections.Immutable;
using System.Text;
using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Orleans.Concurrency;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains;

/// <summary>Read-only queries across one tenant's ADRs, answered from the store by any silo; reentrant, as it only waits on I/O.</summary>
[OnSiloRole(SiloRoles.Worker)]
[StatelessWorker, Reentrant]
public sealed class AdrCatalogGrain(IAdrStore store) : Grain, IAdrCatalogGrain
{
    private const int ExportPageSize = 500;

    public Task<AdrPage> ListAsync(AdrQuery query) =>
        store.ListAsync(this.GetPrimaryKeyString(), query, CancellationToken.None);

    public async Task<ImmutableArray<MarkdownUpload>> ExportMarkdownAsync(bool includeDeleted)
    {
        var tenant = this.GetPrimaryKeyString();
        var records = new List<AdrRecord>();
        int? before = null;
        do
        {
            var query = new AdrQuery(ExportPageSize, before, [], [], null, null, includeDeleted);
            var page = await store.ListAsync(tenant, query, CancellationToken.None);
            records.AddRange(page.Items);
            before = page.NextBeforeNumber;
        }
        while (before is not null);

        records.Reverse();
        return [.. AdrMarkdownExporter.Export(records).Select(f => new MarkdownUpload(f.Path, Encoding.UTF8.GetBytes(f.Markdown)))];
    }
}
