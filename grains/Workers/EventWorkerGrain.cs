using Orleans.Streams;
using Orleans.Streams.Core;

namespace AdrPlatform.Workers;

/// <summary>
/// The common shape of the workers: one activation per tenant and topic, so one tenant's events are
/// handled in order and one at a time while other tenants' run beside them. A handler that throws has
/// the event redelivered (and, past the provider's limit, dead-lettered).
/// </summary>
public abstract class EventWorkerGrain<TEvent> : Grain, IEventWorkerGrain, IStreamSubscriptionObserver, IAsyncObserver<TEvent>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.Create<TEvent>().ResumeAsync(this);
    }

    public Task OnNextAsync(TEvent item, StreamSequenceToken? token = null) => HandleAsync(item, CancellationToken.None);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    protected abstract Task HandleAsync(TEvent item, CancellationToken cancellationToken);
}
