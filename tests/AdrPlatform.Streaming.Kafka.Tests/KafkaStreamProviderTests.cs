using System.Text;
using AdrPlatform.Streaming.Kafka.Testing;
using AdrPlatform.Streaming.Kafka.Tests.Support;
using Confluent.Kafka;

namespace AdrPlatform.Streaming.Kafka.Tests;

public sealed class KafkaStreamProviderTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly KafkaMockCluster _kafka = KafkaMockCluster.Create(3);

    public KafkaStreamProviderTests()
    {
        EventLog.Reset();
        RecordingDeadLetterObserver.Reset();
        StreamTestCluster.CreateTopics(_kafka);
    }

    [Fact]
    public async Task Events_arrive_in_order_per_key_across_partitions()
    {
        var keys = Enumerable.Range(0, 5).Select(i => $"tenant-{i}").ToArray();
        var cluster = await StreamTestCluster.StartAsync("kafka", _kafka);
        try
        {
            await StreamTestCluster.ProduceAsync(cluster, keys, 0, 500);
            await Eventually.TrueAsync(() => EventLog.DistinctCount(keys) == 2500, () => $"{EventLog.DistinctCount(keys)} of 2500 processed", Generous);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }

        Assert.True(keys.Select(k => KafkaPartitioner.PartitionFor(Encoding.UTF8.GetBytes(k), StreamTestCluster.Partitions)).Distinct().Count() > 1);
        foreach (var key in keys)
        {
            var sequences = EventLog.Processed(key).Select(e => e.Sequence).ToArray();
            Assert.Equal(Enumerable.Range(0, 500), sequences);
        }
    }

    [Fact]
    public async Task A_broker_going_down_and_up_mid_stream_loses_nothing()
    {
        var keys = Enumerable.Range(0, 5).Select(i => $"tenant-{i}").ToArray();
        var cluster = await StreamTestCluster.StartAsync("kafka", _kafka);
        try
        {
            var producing = StreamTestCluster.ProduceAsync(cluster, keys, 0, 300);
            await Eventually.TrueAsync(() => EventLog.DistinctCount(keys) >= 300, () => $"{EventLog.DistinctCount(keys)} processed before the outage", Generous);
            _kafka.TakeBrokerDown(1);
            await Task.Delay(TimeSpan.FromSeconds(3));
            _kafka.BringBrokerUp(1);
            await producing;
            await Eventually.TrueAsync(() => EventLog.DistinctCount(keys) == 1500, () => $"{EventLog.DistinctCount(keys)} of 1500 processed", Generous);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }

        foreach (var key in keys)
        {
            Assert.Equal(Enumerable.Range(0, 300), EventLog.Processed(key).Select(e => e.Sequence).Distinct().Order());
        }
    }

    [Fact]
    public async Task Offsets_are_committed_only_after_processing_so_a_new_cluster_redelivers_the_rest()
    {
        const string key = "tenant-slow";
        EventLog.ProcessingDelay = TimeSpan.FromMilliseconds(25);
        var first = await StreamTestCluster.StartAsync("kafka", _kafka, consumerGroup: "restart");
        int processedBeforeStop;
        try
        {
            await StreamTestCluster.ProduceAsync(first, [key], 0, 400);
            await Eventually.TrueAsync(() => EventLog.Processed(key).Count >= 50, () => $"{EventLog.Processed(key).Count} processed", Generous);
        }
        finally
        {
            await first.StopAllSilosAsync();
            processedBeforeStop = EventLog.Processed(key).Count;
        }

        Assert.True(processedBeforeStop < 400, "the consumer should still have been behind when the silo stopped");
        EventLog.ProcessingDelay = TimeSpan.Zero;
        var second = await StreamTestCluster.StartAsync("kafka", _kafka, consumerGroup: "restart");
        try
        {
            await Eventually.TrueAsync(
                () => EventLog.Processed(key).Select(e => e.Sequence).Distinct().Count() == 400,
                () => $"{EventLog.Processed(key).Select(e => e.Sequence).Distinct().Count()} of 400 processed",
                Generous);
        }
        finally
        {
            await second.StopAllSilosAsync();
        }

        var redelivered = EventLog.Processed(key).Skip(processedBeforeStop).ToArray();
        Assert.True(redelivered[0].Sequence > 0, "the second cluster should resume from the committed offset, not from the start");
        Assert.True(redelivered[0].Sequence <= processedBeforeStop, "nothing unprocessed may be skipped");
        Assert.Equal(Enumerable.Range(redelivered[0].Sequence, 400 - redelivered[0].Sequence), redelivered.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_poison_event_goes_to_the_dead_letter_topic_after_max_attempts_and_later_events_flow()
    {
        const string key = "tenant-poison";
        var cluster = await StreamTestCluster.StartAsync("kafka", _kafka);
        try
        {
            await StreamTestCluster.ProduceAsync(cluster, [key], 0, 20, poisonSequence: 7);
            await Eventually.TrueAsync(() => EventLog.Processed(key).Count == 19, () => $"{EventLog.Processed(key).Count} of 19 processed", Generous);
            await Eventually.TrueAsync(() => !RecordingDeadLetterObserver.Letters.IsEmpty, () => "no dead letter observed", Generous);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }

        Assert.Equal(Enumerable.Range(0, 20).Where(i => i != 7), EventLog.Processed(key).Select(e => e.Sequence));
        Assert.Equal(3, EventLog.Attempts($"{key}/7"));

        var letter = Assert.Single(RecordingDeadLetterObserver.Letters);
        Assert.Equal((StreamNames.Namespace, key, 3, "delivery failed 3 times"), (letter.Namespace, letter.Key, letter.Attempts, letter.Reason));
        Assert.Equal(7, Assert.IsType<TestEvent>(Assert.Single(letter.Events)).Sequence);

        var dead = ReadDeadLetter();
        Assert.Equal(key, Encoding.UTF8.GetString(dead.Message.Key));
        Assert.Equal("3", Header(dead, KafkaHeaderNames.DeadLetterAttempts));
        Assert.Equal("delivery failed 3 times", Header(dead, KafkaHeaderNames.DeadLetterReason));
        Assert.Equal(StreamNames.Namespace, Header(dead, KafkaHeaderNames.SourceTopic));
        Assert.Equal("7", Header(dead, KafkaHeaderNames.SourceOffset));
        Assert.Equal(
            KafkaPartitioner.PartitionFor(Encoding.UTF8.GetBytes(key), StreamTestCluster.Partitions).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Header(dead, KafkaHeaderNames.SourcePartition));
        Assert.NotNull(Header(dead, KafkaHeaderNames.MessageId));
    }

    public void Dispose() => _kafka.Dispose();

    private ConsumeResult<byte[], byte[]> ReadDeadLetter()
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            GroupId = "dlq-reader",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(StreamNames.Namespace + KafkaStreamOptions.DeadLetterTopicSuffix);
        var result = consumer.Consume(TimeSpan.FromSeconds(30));
        Assert.NotNull(result);
        return result;
    }

    private static string? Header(ConsumeResult<byte[], byte[]> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;
}
