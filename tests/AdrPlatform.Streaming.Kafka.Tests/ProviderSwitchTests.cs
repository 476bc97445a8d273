using AdrPlatform.Streaming.Kafka.Testing;
using AdrPlatform.Streaming.Kafka.Tests.Support;

namespace AdrPlatform.Streaming.Kafka.Tests;

/// <summary>The same grains and namespaces run on memory streams or Kafka; only configuration differs.</summary>
public sealed class ProviderSwitchTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("kafka")]
    public async Task The_same_consumer_receives_every_event_in_order_on_either_provider(string provider)
    {
        EventLog.Reset();
        using var kafka = provider == "kafka" ? KafkaMockCluster.Create(3) : null;
        if (kafka is not null)
        {
            StreamTestCluster.CreateTopics(kafka);
        }

        var keys = new[] { "tenant-a", "tenant-b", "tenant-c" };
        var cluster = await StreamTestCluster.StartAsync(provider, kafka);
        try
        {
            await StreamTestCluster.ProduceAsync(cluster, keys, 0, 200);
            await Eventually.TrueAsync(() => EventLog.DistinctCount(keys) == 600, () => $"{EventLog.DistinctCount(keys)} of 600 processed", TimeSpan.FromMinutes(2));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }

        foreach (var key in keys)
        {
            Assert.Equal(Enumerable.Range(0, 200), EventLog.Processed(key).Select(e => e.Sequence));
        }
    }
}
