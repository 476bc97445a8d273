using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Domain;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using Orleans.Runtime;
using static AdrPlatform.Integration.Tests.Infrastructure.MarkdownUploads;

namespace AdrPlatform.Integration.Tests;

/// <summary>
/// An import writes each ADR through its grain, the one writer of that ADR, and numbers come from one place:
/// what the ADRs' grains see and what creations are numbered stays right around imports.
/// Runs on the embedded default's in-memory stores and on PostgreSQL.
/// </summary>
public abstract class ImportThroughAdrGrainsTests(GatewayHost host)
{
    protected AdrService.AdrServiceClient Editor(string tenant) => Clients.For(host, Transport.Grpc, tenant, "importer", "editor").Adrs;

    [Fact]
    public async Task An_adr_read_before_its_import_sees_the_imported_version_and_is_updated_from_it()
    {
        var adrs = Editor(Rpc.Tenant());
        await Rpc.Fails(StatusCode.NotFound, () => adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-0004" }));
        await Rpc.Fails(StatusCode.NotFound, () => adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-0005" }));

        var imported = await adrs.ImportMarkdownAsync(Folder([4, 5], supersede: (5, 4)));
        Assert.Equal(1, imported.Links);

        var four = await adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-0004" });
        Assert.Equal((1, AdrStatus.Superseded), (four.Version, four.Status));
        Assert.Equal([new AdrLink { Type = LinkType.SupersededBy, TargetId = "ADR-0005" }], four.Links);
        Assert.Equal([new AdrLink { Type = LinkType.Supersedes, TargetId = "ADR-0004" }], (await adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-0005" })).Links);

        var updated = await adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = "ADR-0004", ExpectedVersion = 1, Title = "Decision 4, clarified" });
        Assert.Equal(2, updated.Version);
        Assert.Equal(
            [ChangeKind.Imported, ChangeKind.Updated],
            (await adrs.ListVersionsAsync(new ListVersionsRequest { Id = "ADR-0004" })).Versions.Select(v => v.Change));
    }

    [Fact]
    public async Task Creations_during_imports_get_unique_numbers_with_no_gap_but_the_imports_own()
    {
        var adrs = Editor(Rpc.Tenant());
        var creations = Enumerable.Range(0, 60).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i * 3));
            return Number((await adrs.CreateAdrAsync(new CreateAdrRequest { Title = $"Created {i}", Body = "x" })).Id);
        }).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(40));
        var imports = new[] { adrs.ImportMarkdownAsync(Folder([100, 101, 102], supersede: (102, 100))).ResponseAsync, adrs.ImportMarkdownAsync(Folder([200, 201])).ResponseAsync };

        var created = await Task.WhenAll(creations);
        var imported = (await Task.WhenAll(imports)).SelectMany(r => r.Imported).Select(a => Number(a.Id)).ToHashSet();

        Assert.Equal([100, 101, 102, 200, 201], imported.Order());
        Assert.Equal(created.Length, created.Distinct().Count());
        Assert.DoesNotContain(created, imported.Contains);
        var taken = created.Concat(imported).ToHashSet();
        Assert.All(created, n => Assert.True(n == 1 || taken.Contains(n - 1), $"ADR {n} was created after a gap"));
        var all = await AdrPages.AllAsync(adrs);
        Assert.Equal(taken.Order(), all.Select(a => Number(a.Id)).Order());
        Assert.All(all, a => Assert.Equal(1, a.Version));
        Assert.Equal(2, all.Sum(a => a.Links.Count));
    }

    [Fact]
    public async Task Importing_the_same_folder_again_is_refused_and_duplicates_nothing()
    {
        var adrs = Editor(Rpc.Tenant());
        var folder = Folder([1, 2, 3], supersede: (3, 1));
        await adrs.ImportMarkdownAsync(folder);

        var refusal = await Rpc.Fails(StatusCode.AlreadyExists, () => adrs.ImportMarkdownAsync(folder));
        Assert.Contains("ADR-0001, ADR-0002, ADR-0003", refusal, StringComparison.Ordinal);

        var all = await AdrPages.AllAsync(adrs);
        Assert.Equal(["ADR-0003", "ADR-0002", "ADR-0001"], all.Select(a => a.Id));
        Assert.Equal(2, all.Sum(a => a.Links.Count));
        Assert.Single((await adrs.ListVersionsAsync(new ListVersionsRequest { Id = "ADR-0001" })).Versions);
        Assert.Equal("ADR-0004", (await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "After the refusal", Body = "x" })).Id);
    }

    protected static int Number(string id) => AdrId.Parse(id);
}

public sealed class ImportThroughAdrGrainsInMemoryTests(GatewayHost host) : ImportThroughAdrGrainsTests(host), IClassFixture<GatewayHost>;

[Collection(UsesPostgres.Name)]
public sealed class ImportThroughAdrGrainsOnPostgresTests(PostgresGatewayHost host) : ImportThroughAdrGrainsTests(host), IClassFixture<PostgresGatewayHost>
{
    [Fact]
    public async Task An_import_that_failed_midway_is_finished_by_its_retry_without_duplicates()
    {
        var tenant = Rpc.Tenant();
        var adrs = Editor(tenant);
        var folder = Folder([3, 4, 5, 6, 7, 8], supersede: (8, 3));
        await using (await FailingAdrInsert.StartAsync(tenant, 8))
        {
            await Assert.ThrowsAsync<RpcException>(async () => await adrs.ImportMarkdownAsync(folder));
        }

        var partial = (await AdrPages.AllAsync(adrs)).Select(a => a.Id).ToList();
        Assert.NotEmpty(partial);
        Assert.DoesNotContain("ADR-0008", partial);

        // Every grain restarts from what is stored: the tenant's record of the import and the ADRs it wrote.
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal("ADR-0009", (await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "While the import waits", Body = "x" })).Id);

        var finished = await adrs.ImportMarkdownAsync(folder);
        Assert.Equal(["ADR-0003", "ADR-0004", "ADR-0005", "ADR-0006", "ADR-0007", "ADR-0008"], finished.Imported.Select(a => a.Id));
        Assert.Equal(1, finished.Links);

        var all = await AdrPages.AllAsync(adrs);
        Assert.Equal(["ADR-0009", "ADR-0008", "ADR-0007", "ADR-0006", "ADR-0005", "ADR-0004", "ADR-0003"], all.Select(a => a.Id));
        foreach (var id in finished.Imported.Select(a => a.Id))
        {
            Assert.Equal([ChangeKind.Imported], (await adrs.ListVersionsAsync(new ListVersionsRequest { Id = id })).Versions.Select(v => v.Change));
        }

        Assert.Equal([new AdrLink { Type = LinkType.SupersededBy, TargetId = "ADR-0008" }], all.Single(a => a.Id == "ADR-0003").Links);
        Assert.Equal([new AdrLink { Type = LinkType.Supersedes, TargetId = "ADR-0003" }], all.Single(a => a.Id == "ADR-0008").Links);
        Assert.Equal("ADR-0010", (await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "After the import", Body = "x" })).Id);
    }
}
