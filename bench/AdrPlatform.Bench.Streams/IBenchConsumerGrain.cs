namespace AdrPlatform.Bench.Streams;

public interface IBenchConsumerGrain : IGrainWithStringKey;
