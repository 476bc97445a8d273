namespace AdrPlatform.Streaming.Kafka.Tests.Support;

public static class StreamNames
{
    /// <summary>The provider name the grains use; configuration decides whether it is Kafka or memory streams.</summary>
    public const string Provider = "Streams";

    public const string Namespace = "test.events";

    public const string Poison = "poison";
}
