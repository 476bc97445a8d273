using System.Diagnostics;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace AdrPlatform.Bench.Streams;

[ImplicitStreamSubscription(BenchSettings.Namespace)]
public sealed class BenchConsumerGrain : Grain, IBenchConsumerGrain, IStreamSubscriptionObserver, IAsyncObserver<BenchEvent>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<BenchEvent>().ResumeAsync(this);

    public Task OnNextAsync(BenchEvent item, StreamSequenceToken? token = null)
    {
        Deliveries.Latencies.Record(Stopwatch.GetElapsedTime(item.SentTimestamp));
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
