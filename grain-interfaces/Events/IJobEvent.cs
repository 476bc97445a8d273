namespace AdrPlatform.Events;

/// <summary>An event that works for one attempt of one job; handlers are idempotent by EventId.</summary>
public interface IJobEvent
{
    string EventId { get; }

    string Tenant { get; }

    string JobId { get; }

    int Attempt { get; }
}
