using AdrPlatform.Events;
using AdrPlatform.Placement;

namespace AdrPlatform.Workers;

/// <summary>Keeps a tenant's search index in step with its ADRs, one adr.changed event at a time.</summary>
[OnSiloRole(SiloRoles.Worker)]
[ImplicitStreamSubscription(EventTopics.AdrChanged)]
public sealed class AdrChangedWorkerGrain(AdrIndexer indexer) : EventWorkerGrain<AdrChanged>
{
    protected override Task HandleAsync(AdrChanged item, CancellationToken cancellationToken) =>
        indexer.ReindexAsync(item.Tenant, item.Number, cancellationToken);
}
