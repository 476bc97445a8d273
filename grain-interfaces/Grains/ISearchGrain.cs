using System.Collections.Immutable;
using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>Searches one tenant's ADRs. Stateless: any silo answers, as many at once as load needs.</summary>
[Alias("search.grain")]
public interface ISearchGrain : IGrainWithStringKey
{
    [Alias("search")]
    Task<SearchPage> SearchAsync(SearchQuery query);

    [Alias("related")]
    Task<ImmutableArray<SearchHit>> RelatedAsync(int number, int limit);

    /// <summary>The best passage of each of the most relevant ADRs (hybrid search), for grounding an answer.</summary>
    [Alias("passages")]
    Task<ImmutableArray<Passage>> PassagesAsync(string question, int limit);
}

/// <summary>Keeps one tenant's search index in step with its ADRs. Calls are fire-and-forget and idempotent: each re-reads the ADR.</summary>
[Alias("adr-indexer.grain")]
public interface IAdrIndexerGrain : IGrainWithStringKey
{
    [OneWay, Alias("reindex")]
    Task ReindexAsync(ImmutableArray<int> numbers);
}
