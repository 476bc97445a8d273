using AdrPlatform.Events;
using AdrPlatform.Placement;

namespace AdrPlatform.Workers;

[OnSiloRole(SiloRoles.Worker)]
[ImplicitStreamSubscription(EventTopics.EmbeddingsRequested)]
public sealed class EmbeddingsWorkerGrain(EmbeddingsHandler handler) : EventWorkerGrain<EmbeddingsRequested>
{
    protected override Task HandleAsync(EmbeddingsRequested item, CancellationToken cancellationToken) => handler.HandleAsync(item, cancellationToken);
}
