namespace AdrPlatform.Ports;

/// <summary>Puts an event on one of the platform's topics, keyed by tenant (so a tenant's events stay in order).</summary>
public interface IEventPublisher
{
    Task PublishAsync<TEvent>(string topic, string tenant, TEvent message)
        where TEvent : notnull;
}
