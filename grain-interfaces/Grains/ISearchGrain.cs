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
    Task<ImmutableArray<Passage>> PassagesAsync(string question, int limit, CancellationToken cancellationToken);
}
