namespace AdrPlatform.Streaming.Kafka;

/// <summary>The value of a stream message: the events of one producer call, written with the Orleans serializer.</summary>
[GenerateSerializer]
internal sealed class KafkaMessageBody
{
    [Id(0)]
    public List<object> Events { get; set; } = [];

    [Id(1)]
    public Dictionary<string, object>? RequestContext { get; set; }
}
