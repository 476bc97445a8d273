using AdrPlatform.Adapters.Streams;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Events;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>
/// The guarantee behind search following every write: an ADR write is acknowledged only once its adr.changed event
/// is on the topic; a write whose event could not be published is not acknowledged, and its event goes out before
/// the ADR's next write.
/// </summary>
public class AdrChangedPublicationTests(AdrChangedPublicationTests.FlakyTopic host) : IClassFixture<AdrChangedPublicationTests.FlakyTopic>
{
    [Fact]
    public async Task A_write_whose_event_cannot_be_published_is_not_acknowledged_and_its_event_goes_out_before_the_next_write()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var created = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "Records live in PostgreSQL." });

        host.Publisher.FailAdrChanged = true;
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await clients.Adrs.UpdateAdrAsync(new UpdateAdrRequest
        {
            Id = created.Id, ExpectedVersion = created.Version, Title = "Use PostgreSQL", Body = "Records live in PostgreSQL with nightly pgbackrest backups.",
        }));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        var stored = await clients.Adrs.GetAdrAsync(new GetAdrRequest { Id = created.Id });
        Assert.Equal(created.Version + 1, stored.Version); // committed, though not acknowledged
        Assert.DoesNotContain($"@{stored.Version}", host.Publisher.Published);

        host.Publisher.FailAdrChanged = false;
        await clients.Adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = created.Id, ExpectedVersion = stored.Version, Title = "Use PostgreSQL 15", Body = stored.Body });

        var published = host.Publisher.Published.Where(id => id.Contains($"/{stored.Number}@", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"@{created.Version}", $"@{stored.Version}", $"@{stored.Version + 1}"], published.Select(id => id[id.IndexOf('@', StringComparison.Ordinal)..]));
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        await Eventually.HoldsAsync(
            () => search.SearchAsync(new SearchRequest { Query = "pgbackrest", Mode = SearchMode.Lexical }).ResponseAsync, hits => hits.Hits.Count == 1, "the ADR was not re-indexed");
    }

    /// <summary>Passes events on to the platform's publisher, recording adr.changed ids, or fails them with a broker time-out while told to.</summary>
    public sealed class RecordingPublisher(IEventPublisher inner) : IEventPublisher
    {
        private readonly List<string> _published = [];

        private volatile bool _failAdrChanged;

        public bool FailAdrChanged
        {
            get => _failAdrChanged;
            set => _failAdrChanged = value;
        }

        public IReadOnlyList<string> Published
        {
            get
            {
                lock (_published)
                {
                    return [.. _published];
                }
            }
        }

        public async Task PublishAsync<TEvent>(string topic, string tenant, TEvent message)
            where TEvent : notnull
        {
            if (message is AdrChanged changed)
            {
                if (FailAdrChanged)
                {
                    throw new TimeoutException("the broker did not acknowledge the event in time");
                }

                await inner.PublishAsync(topic, tenant, message);
                lock (_published)
                {
                    _published.Add(changed.EventId);
                }

                return;
            }

            await inner.PublishAsync(topic, tenant, message);
        }
    }

    public sealed class FlakyTopic : GatewayHost
    {
        public FlakyTopic()
            : base([], services => services.AddSingleton<IEventPublisher>(provider =>
                new RecordingPublisher(ActivatorUtilities.CreateInstance<OrleansStreamPublisher>(provider))))
        {
        }

        public RecordingPublisher Publisher => (RecordingPublisher)Services.GetRequiredService<IEventPublisher>();
    }
}
