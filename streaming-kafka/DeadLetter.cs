namespace AdrPlatform.Streaming.Kafka;

/// <summary>An event batch that was moved to the dead-letter topic after its delivery attempts ran out.</summary>
public sealed record DeadLetter(string Namespace, string Key, IReadOnlyList<object> Events, int Attempts, string Reason);
