namespace AdrPlatform.Streaming.Kafka.Tests.Support;

[GenerateSerializer]
public sealed class TestEvent
{
    [Id(0)]
    public string Key { get; set; } = "";

    [Id(1)]
    public int Sequence { get; set; }

    [Id(2)]
    public string Payload { get; set; } = "";

    public string EventId => $"{Key}/{Sequence}";
}
