using System.Collections.Immutable;
using AdrPlatform.Model;

namespace AdrPlatform.Domain;

/// <summary>
/// The result of one command on an ADR: its next record, the new history entry when content or
/// status changed, and the links to add or remove (links are stored apart from records, once each).
/// </summary>
public sealed record AdrChange(AdrRecord Record, AdrVersion? NewVersion, ImmutableArray<AdrLink> AddedLinks, ImmutableArray<AdrLink> RemovedLinks)
{
    public AdrChange(AdrRecord record, AdrVersion? newVersion)
        : this(record, newVersion, [], [])
    {
    }
}
