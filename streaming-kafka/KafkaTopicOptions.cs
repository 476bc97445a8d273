using System.ComponentModel;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>A Kafka topic carrying one stream namespace (the topic name is the namespace).</summary>
public sealed class KafkaTopicOptions
{
    public KafkaTopicOptions()
    {
    }

    public KafkaTopicOptions(string name, int partitions)
    {
        Name = name;
        Partitions = partitions;
    }

    [Description("The topic (and stream namespace) name")]
    public string Name { get; set; } = "";

    /// <summary>Each partition is one Orleans queue with its own pulling agent.</summary>
    [Description("Partitions of the topic; each is one Orleans queue")]
    public int Partitions { get; set; } = 1;
}
