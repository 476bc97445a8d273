using AdrPlatform.Events;
using AdrPlatform.Streaming.Kafka;
using AdrPlatform.Streaming.Kafka.Testing;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// librdkafka's mock cluster with the platform's topics and their dead-letter twins declared (it has no
/// controller, so a silo cannot create them through the admin API as it does on a real broker).
/// </summary>
public static class MockKafka
{
    public const int Partitions = 4;

    public static KafkaMockCluster StartWithPlatformTopics(int partitions = Partitions)
    {
        var cluster = KafkaMockCluster.Create(3);
        foreach (var topic in EventTopics.All)
        {
            cluster.CreateTopic(topic, partitions);
            cluster.CreateTopic(topic + KafkaStreamOptions.DeadLetterTopicSuffix, partitions);
        }

        return cluster;
    }
}
