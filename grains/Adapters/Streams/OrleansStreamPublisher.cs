using AdrPlatform.Events;
using AdrPlatform.Ports;
using Orleans.Runtime;

namespace AdrPlatform.Adapters.Streams;

/// <summary>Publishes on the configured Orleans stream provider (Kafka or memory streams): namespace = topic, key = tenant.</summary>
public sealed class OrleansStreamPublisher(IClusterClient client) : IEventPublisher
{
    public Task PublishAsync<TEvent>(string topic, string tenant, TEvent message)
        where TEvent : notnull =>
        client.GetStreamProvider(EventTopics.Provider).GetStream<TEvent>(StreamId.Create(topic, tenant)).OnNextAsync(message);
}
