using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Search.V1;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>Indexing follows an ADR write through the event streams; tests that search or chat wait for it here.</summary>
public static class Indexing
{
    /// <summary>Searches for the ADR's title until the ADR is among the hits.</summary>
    public static Task UntilSearchableAsync(this Clients clients, Adr adr)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(adr);
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        return Eventually.HoldsAsync(
            () => search.SearchAsync(new SearchRequest { Query = adr.Title }).ResponseAsync,
            found => found.Hits.Any(hit => hit.AdrId == adr.Id),
            $"{adr.Id} did not become searchable");
    }
}
