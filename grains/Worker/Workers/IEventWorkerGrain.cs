namespace AdrPlatform.Workers;

/// <summary>A grain that consumes one topic's events of one tenant (key: tenant), activated by an implicit subscription.</summary>
[Alias("event-worker.grain")]
public interface IEventWorkerGrain : IGrainWithStringKey;
