using Orleans.Runtime;

namespace AdrPlatform.Streaming.Kafka.Tests.Support;

public sealed class EventProducerGrain : Grain, IEventProducerGrain
{
    public async Task Produce(int first, int count, int poisonSequence)
    {
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(StreamNames.Provider).GetStream<TestEvent>(StreamId.Create(StreamNames.Namespace, key));
        for (var sequence = first; sequence < first + count; sequence++)
        {
            var payload = sequence == poisonSequence ? StreamNames.Poison : $"event {sequence} of {key}";
            await stream.OnNextAsync(new TestEvent { Key = key, Sequence = sequence, Payload = payload });
        }
    }
}
