using AdrPlatform.Events;
using AdrPlatform.Placement;

namespace AdrPlatform.Workers;

[OnSiloRole(SiloRoles.Worker)]
[ImplicitStreamSubscription(EventTopics.DocumentUploaded)]
public sealed class DocumentIngestionWorkerGrain(DocumentIngestionHandler handler) : EventWorkerGrain<DocumentUploaded>
{
    protected override Task HandleAsync(DocumentUploaded item, CancellationToken cancellationToken) => handler.HandleAsync(item, cancellationToken);
}
