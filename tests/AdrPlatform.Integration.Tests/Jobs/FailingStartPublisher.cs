using AdrPlatform.Adapters.Streams;
using AdrPlatform.Events;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>The platform's publisher, except that a start event can be made to fail once, like a broker that is briefly away.</summary>
public sealed class FailingStartPublisher(OrleansStreamPublisher publisher) : IEventPublisher
{
    private int _failNextStart;

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<OrleansStreamPublisher>();
        services.AddSingleton<FailingStartPublisher>();
        services.AddSingleton<IEventPublisher>(provider => provider.GetRequiredService<FailingStartPublisher>());
    }

    public void FailNextStart() => Interlocked.Exchange(ref _failNextStart, 1);

    public Task PublishAsync<TEvent>(string topic, string tenant, TEvent message)
        where TEvent : notnull =>
        topic == EventTopics.DocumentUploaded && Interlocked.Exchange(ref _failNextStart, 0) == 1
            ? Task.FromException(new IOException("The event stream is unavailable."))
            : publisher.PublishAsync(topic, tenant, message);
}
