using AdrPlatform.Streaming.Kafka.Testing;
using Confluent.Kafka;

namespace AdrPlatform.Streaming.Kafka.Tests;

public sealed class KafkaMockClusterTests
{
    [Fact]
    public async Task Mock_cluster_serves_topics_idempotent_produce_and_group_commits()
    {
        using var cluster = KafkaMockCluster.Create(3);
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            cluster.CreateTopic("mock.check", 3);
            var metadata = admin.GetMetadata("mock.check", TimeSpan.FromSeconds(10));
            Assert.Equal(3, metadata.Topics.Single().Partitions.Count);
        }

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build())
        {
            for (var i = 0; i < 10; i++)
            {
                await producer.ProduceAsync(new TopicPartition("mock.check", 1), new Message<string, string> { Key = "k", Value = $"v{i}" });
            }
        }

        var partition = new TopicPartition("mock.check", 1);
        using (var consumer = NewConsumer(cluster))
        {
            consumer.Assign(new TopicPartitionOffset(partition, Offset.Stored));
            var first = consumer.Consume(TimeSpan.FromSeconds(10));
            Assert.Equal("v0", first.Message.Value);
            consumer.Commit([new TopicPartitionOffset(partition, first.Offset + 5)]);
        }

        using (var consumer = NewConsumer(cluster))
        {
            consumer.Assign(new TopicPartitionOffset(partition, Offset.Stored));
            Assert.Equal("v5", consumer.Consume(TimeSpan.FromSeconds(10)).Message.Value);
        }
    }

    private static IConsumer<string, string> NewConsumer(KafkaMockCluster cluster) =>
        new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "mock-check",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
}
