using AdrPlatform.Events;
using AdrPlatform.Grains;
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

    public async Task OnNextAsync(TEvent item, StreamSequenceToken? token = null)
    {
        try
        {
            await HandleAsync(item, CancellationToken.None);
        }
        catch (Exception error) when (item is IJobEvent cause && error is not OutOfMemoryException)
        {
            // Rethrown for redelivery; the job keeps what went wrong, should the event end in a dead-letter topic.
            await GrainFactory.GetGrain<IJobGrain>($"{cause.Tenant}/{cause.JobId}").NoteErrorAsync(cause.Attempt, Describe(error));
            throw;
        }
    }

    private static string Describe(Exception error)
    {
        var message = error.Message.ReplaceLineEndings(" ");
        return $"{error.GetType().Name}: {(message.Length <= 200 ? message : message[..200] + "…")}";
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    protected abstract Task HandleAsync(TEvent item, CancellationToken cancellationToken);
}
