using AdrPlatform.Events;

namespace AdrPlatform.Workers;

[ImplicitStreamSubscription(EventTopics.DocumentUploaded)]
public sealed class DocumentIngestionWorkerGrain(DocumentIngestionHandler handler) : EventWorkerGrain<DocumentUploaded>
{
    protected override Task HandleAsync(DocumentUploaded item, CancellationToken cancellationToken) => handler.HandleAsync(item, cancellationToken);
}
