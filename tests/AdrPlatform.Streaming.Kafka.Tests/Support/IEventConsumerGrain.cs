namespace AdrPlatform.Streaming.Kafka.Tests.Support;

public interface IEventConsumerGrain : IGrainWithStringKey;
