using AdrPlatform.Domain.Search;
using AdrPlatform.Model;

namespace AdrPlatform.Adapters.InMemory;

/// <summary>The meaning of a listing's filters, for stores that filter in memory.</summary>
public static class AdrFilter
{
    public static bool Matches(AdrRecord record, AdrQuery query)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(query);
        if (record.IsDeleted && !query.IncludeDeleted)
        {
            return false;
        }

        if (!query.Statuses.IsDefaultOrEmpty && !query.Statuses.Contains(record.Status))
        {
            return false;
        }

        if (!query.Tags.IsDefaultOrEmpty && !query.Tags.All(record.Content.Tags.Contains))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(query.Author)
            && !string.Equals(record.CreatedBy, query.Author, StringComparison.OrdinalIgnoreCase)
            && !record.Content.Deciders.Contains(query.Author, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.IsNullOrEmpty(query.Text)
            || record.Content.Title.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
            || record.Content.Body.Contains(query.Text, StringComparison.OrdinalIgnoreCase);
    }
}
