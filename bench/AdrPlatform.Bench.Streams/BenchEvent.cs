namespace AdrPlatform.Bench.Streams;

[GenerateSerializer]
public sealed class BenchEvent
{
    /// <summary>Stopwatch timestamp at send; producer and consumer run in the same process.</summary>
    [Id(0)]
    public long SentTimestamp { get; set; }

    [Id(1)]
    public int Sequence { get; set; }

    [Id(2)]
    public byte[] Payload { get; set; } = [];
}
