using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Domain.Search;
using AdrPlatform.Model;

namespace AdrPlatform.Adapters.Tests.Search;

public class SearchFilterRulesTests
{
    [Fact]
    public void Filters_match_status_tags_author_and_decision_dates()
    {
        var document = new SearchDocument(1, 1, "t", AdrStatus.Accepted, ["data", "db"], "alice", ["Bob"], new DateOnly(2024, 6, 1));
        Assert.True(SearchFilterRules.Matches(document, SearchFilter.None));
        Assert.True(SearchFilterRules.Matches(document, new SearchFilter([AdrStatus.Accepted], ["db"], "bob", new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 1))));
        Assert.False(SearchFilterRules.Matches(document, SearchFilter.None with { Statuses = [AdrStatus.Proposed] }));
        Assert.False(SearchFilterRules.Matches(document, SearchFilter.None with { Tags = ["data", "ops"] }));
        Assert.False(SearchFilterRules.Matches(document, SearchFilter.None with { Author = "carol" }));
        Assert.False(SearchFilterRules.Matches(document, SearchFilter.None with { DecidedFrom = new DateOnly(2024, 6, 2) }));
        Assert.False(SearchFilterRules.Matches(document, SearchFilter.None with { DecidedTo = new DateOnly(2024, 5, 31) }));
    }
}
