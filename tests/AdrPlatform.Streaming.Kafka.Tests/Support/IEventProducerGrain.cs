namespace AdrPlatform.Streaming.Kafka.Tests.Support;

public interface IEventProducerGrain : IGrainWithStringKey
{
    /// <summary>Sends events first..first+count-1 on the stream keyed by this grain's key, one after another.</summary>
    Task Produce(int first, int count, int poisonSequence);
}
