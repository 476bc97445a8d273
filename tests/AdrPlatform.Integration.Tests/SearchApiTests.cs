using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Search.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using SearchMode = AdrPlatform.Contracts.Search.V1.SearchMode;

namespace AdrPlatform.Integration.Tests;

/// <summary>Search through the real front silo (embedded default): ADRs are indexed as they are written.</summary>
public class SearchApiTests(EmbeddedDefaultGatewayHost host) : IClassFixture<EmbeddedDefaultGatewayHost>
{
    public static TheoryData<Transport> Transports => [Transport.Grpc, Transport.GrpcWeb];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Written_adrs_are_found_by_every_mode_with_highlighted_snippets(Transport transport)
    {
        var tenant = Rpc.Tenant();
        var clients = Clients.For(host, transport, tenant, "alice", "editor");
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "## Decision\n\nPostgreSQL with pgvector stores records and embeddings.", Tags = { "data" } });
        await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use Kafka for events", Body = "## Decision\n\nKafka topics carry tenant events in order." });
        await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Button colours", Body = "Buttons are blue." });

        foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Semantic, SearchMode.Hybrid })
        {
            var response = await Eventually.HoldsAsync(() => search.SearchAsync(new SearchRequest { Query = "kafka events", Mode = mode }).ResponseAsync, r => r.Hits.Count > 0, "the index did not catch up");
            Assert.Equal("ADR-0002", response.Hits[0].AdrId);
            Assert.Equal("Use Kafka for events", response.Hits[0].Title);
            Assert.NotEmpty(response.Hits[0].Snippet);
        }

        var lexical = await search.SearchAsync(new SearchRequest { Query = "pgvector", Mode = SearchMode.Lexical });
        var hit = Assert.Single(lexical.Hits);
        Assert.Equal("Decision", hit.Section);
        var highlight = Assert.Single(hit.Highlights);
        Assert.Equal("pgvector", hit.Snippet.Substring(highlight.Start, highlight.Length), ignoreCase: true);

        Assert.Empty((await search.SearchAsync(new SearchRequest { Query = "kafka", Mode = SearchMode.Lexical, Tags = { "data" } })).Hits);
        Assert.Empty((await search.SearchAsync(new SearchRequest { Query = "kafka", Mode = SearchMode.Lexical, Statuses = { Contracts.Adr.V1.AdrStatus.Accepted } })).Hits);
    }

    [Fact]
    public async Task Changes_and_deletes_reach_the_index_and_related_adrs_are_recommended()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        var cache = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Caching layer", Body = "Use Redis as the shared cache for sessions." });
        await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Session cache eviction", Body = "Redis evicts least recently used sessions from the cache." });
        await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Logo colours", Body = "The logo is green." });
        await Eventually.HoldsAsync(() => search.SearchAsync(new SearchRequest { Query = "redis", Mode = SearchMode.Lexical }).ResponseAsync, r => r.Hits.Count == 2, "the index did not catch up");

        await clients.Adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = cache.Id, ExpectedVersion = 1, Body = "Use Valkey as the shared cache for sessions." });
        await Eventually.HoldsAsync(() => search.SearchAsync(new SearchRequest { Query = "valkey", Mode = SearchMode.Lexical }).ResponseAsync, r => r.Hits.Count == 1, "the index did not catch up");

        var related = await Eventually.HoldsAsync(() => search.RelatedAdrsAsync(new RelatedAdrsRequest { Id = cache.Id, Limit = 2 }).ResponseAsync, r => r.Hits.Count == 2, "the index did not catch up");
        Assert.Equal("ADR-0002", related.Hits[0].AdrId);
        Assert.DoesNotContain(related.Hits, h => h.AdrId == cache.Id);

        await clients.Adrs.DeleteAdrAsync(new DeleteAdrRequest { Id = cache.Id });
        await Eventually.HoldsAsync(() => search.SearchAsync(new SearchRequest { Query = "valkey", Mode = SearchMode.Lexical }).ResponseAsync, r => r.Hits.Count == 0, "the index did not catch up");
    }

    [Fact]
    public async Task Bad_search_requests_are_refused_clearly_and_other_tenants_see_nothing()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var search = new SearchService.SearchServiceClient(clients.Invoker);
        await Rpc.Fails(StatusCode.InvalidArgument, () => search.SearchAsync(new SearchRequest()));
        await Rpc.Fails(StatusCode.InvalidArgument, () => search.SearchAsync(new SearchRequest { Query = new string('q', 1001) }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => search.SearchAsync(new SearchRequest { Query = "x", Mode = (SearchMode)9 }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => search.SearchAsync(new SearchRequest { Query = "x", DecidedFrom = "yesterday" }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => search.SearchAsync(new SearchRequest { Query = "x", PageToken = "nope" }));
        await Rpc.Fails(StatusCode.NotFound, () => search.RelatedAdrsAsync(new RelatedAdrsRequest { Id = "ADR-0042" }));
        Assert.Empty((await search.SearchAsync(new SearchRequest { Query = "!!! ???" })).Hits);

        await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Private", Body = "swordfish" });
        var other = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "mallory", "admin");
        var theirs = new SearchService.SearchServiceClient(other.Invoker);
        await Eventually.HoldsAsync(() => search.SearchAsync(new SearchRequest { Query = "swordfish" }).ResponseAsync, r => r.Hits.Count == 1, "the index did not catch up");
        Assert.Empty((await theirs.SearchAsync(new SearchRequest { Query = "swordfish" })).Hits);
        await Rpc.Fails(StatusCode.NotFound, () => theirs.RelatedAdrsAsync(new RelatedAdrsRequest { Id = "ADR-0001" }));
    }
}
