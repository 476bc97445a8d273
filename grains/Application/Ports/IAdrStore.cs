using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Model;

namespace AdrPlatform.Ports;

/// <summary>
/// Durable home of ADR records, their append-only history and their links, always scoped to one tenant.
/// Every write is atomic: the record, its new version and its link changes land together or not at all.
/// </summary>
public interface IAdrStore
{
    /// <summary>The record with every link it takes part in (either side), or null when there is none.</summary>
    Task<AdrRecord?> FindAsync(string tenant, int number, CancellationToken cancellationToken);

    Task<ImmutableArray<AdrLink>> LinksAsync(string tenant, int number, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a change; <paramref name="expectedVersion"/> is the version the change was computed from
    /// (0 for a new ADR). Throws <see cref="StoreConflictException"/> when the stored version differs.
    /// </summary>
    Task WriteAsync(string tenant, int expectedVersion, AdrChange change, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="numbers"/> the tenant has an ADR under (deleted ones included), in ascending order.</summary>
    Task<ImmutableArray<int>> TakenNumbersAsync(string tenant, IReadOnlyCollection<int> numbers, CancellationToken cancellationToken);

    Task<ImmutableArray<AdrVersion>> VersionsAsync(string tenant, int number, CancellationToken cancellationToken);

    Task<AdrVersion?> FindVersionAsync(string tenant, int number, int version, CancellationToken cancellationToken);

    Task<AdrPage> ListAsync(string tenant, AdrQuery query, CancellationToken cancellationToken);

    /// <summary>The highest ADR number the tenant has, or 0.</summary>
    Task<int> MaxNumberAsync(string tenant, CancellationToken cancellationToken);
}
