using System.Collections.Immutable;
using AdrPlatform.Model;

namespace AdrPlatform.Grains;

/// <summary>Read-only queries across one tenant's ADRs. Stateless: scales out with load.</summary>
[Alias("adr-catalog.grain")]
public interface IAdrCatalogGrain : IGrainWithStringKey
{
    [Alias("list")]
    Task<AdrPage> ListAsync(AdrQuery query);

    [Alias("export")]
    Task<ImmutableArray<MarkdownUpload>> ExportMarkdownAsync(bool includeDeleted);
}
