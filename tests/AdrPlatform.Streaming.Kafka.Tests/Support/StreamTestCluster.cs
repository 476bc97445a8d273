using AdrPlatform.Streaming.Kafka.Testing;
using Orleans.TestingHost;

namespace AdrPlatform.Streaming.Kafka.Tests.Support;

public static class StreamTestCluster
{
    public const int Partitions = 4;

    public static void CreateTopics(KafkaMockCluster kafka)
    {
        // The mock cluster has no controller, so AdminClient.CreateTopics cannot run against it; the provider
        // finds the topics already there and skips creating them.
        kafka.CreateTopic(StreamNames.Namespace, Partitions, 3);
        kafka.CreateTopic(StreamNames.Namespace + KafkaStreamOptions.DeadLetterTopicSuffix, Partitions, 3);
    }

    public static async Task<TestCluster> StartAsync(string provider, KafkaMockCluster? kafka = null, string consumerGroup = "tests")
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["Streams:Provider"] = provider;
        builder.Properties["Streams:BootstrapServers"] = kafka?.BootstrapServers ?? "";
        builder.Properties["Streams:ConsumerGroup"] = consumerGroup;
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static Task ProduceAsync(TestCluster cluster, IEnumerable<string> keys, int first, int count, int poisonSequence = -1) =>
        Task.WhenAll(keys.Select(key => cluster.GrainFactory.GetGrain<IEventProducerGrain>(key).Produce(first, count, poisonSequence)));
}
