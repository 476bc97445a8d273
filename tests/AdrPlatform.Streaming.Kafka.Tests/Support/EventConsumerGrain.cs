using Orleans.Streams;
using Orleans.Streams.Core;

namespace AdrPlatform.Streaming.Kafka.Tests.Support;

/// <summary>Implicitly subscribed to <see cref="StreamNames.Namespace"/>; records each event once processed, throws on poison.</summary>
[ImplicitStreamSubscription(StreamNames.Namespace)]
public sealed class EventConsumerGrain : Grain, IEventConsumerGrain, IStreamSubscriptionObserver, IAsyncObserver<TestEvent>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<TestEvent>().ResumeAsync(this);

    public async Task OnNextAsync(TestEvent item, StreamSequenceToken? token = null)
    {
        EventLog.CountAttempt(item);
        if (item.Payload == StreamNames.Poison)
        {
            throw new InvalidOperationException($"poison event {item.EventId}");
        }

        if (EventLog.ProcessingDelay > TimeSpan.Zero)
        {
            await Task.Delay(EventLog.ProcessingDelay);
        }

        EventLog.Record(item);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
