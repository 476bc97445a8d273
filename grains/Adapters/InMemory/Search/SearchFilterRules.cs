using AdrPlatform.Domain.Search;
using AdrPlatform.Model;

namespace AdrPlatform.Adapters.InMemory;

/// <summary>The meaning of search filters, for indexes that filter in memory.</summary>
public static class SearchFilterRules
{
    public static bool Matches(SearchDocument document, SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(filter);
        return (filter.Statuses.IsDefaultOrEmpty || filter.Statuses.Contains(document.Status))
            && (filter.Tags.IsDefaultOrEmpty || filter.Tags.All(document.Tags.Contains))
            && (string.IsNullOrEmpty(filter.Author)
                || string.Equals(document.CreatedBy, filter.Author, StringComparison.OrdinalIgnoreCase)
                || document.Deciders.Contains(filter.Author, StringComparer.OrdinalIgnoreCase))
            && (filter.DecidedFrom is not { } from || document.Decided >= from)
            && (filter.DecidedTo is not { } to || document.Decided <= to);
    }
}
