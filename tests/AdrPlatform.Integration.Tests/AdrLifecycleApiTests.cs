using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>The ADR lifecycle end to end through the real front silo, over gRPC and over gRPC-Web.</summary>
public class AdrLifecycleApiTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    public static TheoryData<Transport> Transports => [Transport.Grpc, Transport.GrpcWeb];

    private AdrService.AdrServiceClient Editor(Transport transport, string tenant) =>
        Clients.For(host, transport, tenant, "alice", "editor").Adrs;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Creates_numbered_adrs_from_templates(Transport transport)
    {
        var adrs = Editor(transport, Rpc.Tenant());
        var first = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Record decisions", Template = AdrTemplate.Nygard });
        var second = await adrs.CreateAdrAsync(new CreateAdrRequest
        {
            Title = "Use PostgreSQL",
            Template = AdrTemplate.Madr,
            Sections = { ["Decision Outcome"] = "Chosen: PostgreSQL." },
            Tags = { "Data" },
            DecisionDate = "2026-11-01",
        });

        Assert.Equal("ADR-0001", first.Id);
        Assert.Equal("ADR-0002", second.Id);
        Assert.StartsWith("## Context\n", first.Body, StringComparison.Ordinal);
        Assert.Contains("## Decision Outcome\n\nChosen: PostgreSQL.", second.Body, StringComparison.Ordinal);
        Assert.Equal(AdrStatus.Proposed, second.Status);
        Assert.Equal(["data"], second.Tags);
        Assert.Equal("2026-11-01", second.DecisionDate);
        Assert.Equal("alice", second.CreatedBy);
        Assert.Equal(1, second.Version);

        var read = await adrs.GetAdrAsync(new GetAdrRequest { Id = "2" });
        Assert.Equal(second, read);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Versions_diffs_and_rollback(Transport transport)
    {
        var adrs = Editor(transport, Rpc.Tenant());
        var created = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Cache", Body = "Use Redis.\nTTL 60s." });
        var updated = await adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = created.Id, ExpectedVersion = 1, Body = "Use Valkey.\nTTL 60s." });
        Assert.Equal(2, updated.Version);

        var stale = await Rpc.Fails(StatusCode.FailedPrecondition, () =>
            adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = created.Id, ExpectedVersion = 1, Title = "Lost" }));
        Assert.Contains("version 2", stale, StringComparison.Ordinal);
        Assert.Equal("Cache", (await adrs.GetAdrAsync(new GetAdrRequest { Id = created.Id })).Title);

        var diff = await adrs.DiffVersionsAsync(new DiffVersionsRequest { Id = created.Id, FromVersion = 1, ToVersion = 2 });
        Assert.Contains("-Use Redis.\n+Use Valkey.\n TTL 60s.", diff.UnifiedDiff, StringComparison.Ordinal);
        Assert.Equal(1, diff.AddedLines);
        Assert.Equal(1, diff.RemovedLines);

        var rolledBack = await adrs.RollbackAdrAsync(new RollbackAdrRequest { Id = created.Id, ToVersion = 1, ExpectedVersion = 2 });
        Assert.Equal(3, rolledBack.Version);
        Assert.Equal("Use Redis.\nTTL 60s.", rolledBack.Body);

        var versions = await adrs.ListVersionsAsync(new ListVersionsRequest { Id = created.Id });
        Assert.Equal([ChangeKind.Created, ChangeKind.Updated, ChangeKind.RolledBack], versions.Versions.Select(v => v.Change));
        Assert.Equal("Use Valkey.\nTTL 60s.", (await adrs.GetVersionAsync(new GetVersionRequest { Id = created.Id, Version = 2 })).Body);
        await Rpc.Fails(StatusCode.NotFound, () => adrs.GetVersionAsync(new GetVersionRequest { Id = created.Id, Version = 9 }));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Status_lifecycle_and_links_show_on_both_sides(Transport transport)
    {
        var adrs = Editor(transport, Rpc.Tenant());
        var old = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use MySQL", Body = "x" });
        var next = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "y" });

        var illegal = await Rpc.Fails(StatusCode.FailedPrecondition, () =>
            adrs.SetStatusAsync(new SetStatusRequest { Id = old.Id, Status = AdrStatus.Superseded, SupersededBy = { next.Id } }));
        Assert.Contains("accepted or rejected", illegal, StringComparison.Ordinal);

        await adrs.SetStatusAsync(new SetStatusRequest { Id = old.Id, Status = AdrStatus.Accepted });
        var superseded = await adrs.SetStatusAsync(new SetStatusRequest { Id = old.Id, Status = AdrStatus.Superseded, SupersededBy = { next.Id }, ExpectedVersion = 2 });
        Assert.Equal(AdrStatus.Superseded, superseded.Status);
        Assert.Contains(superseded.Links, l => l.Type == LinkType.SupersededBy && l.TargetId == next.Id);
        var other = await adrs.GetAdrAsync(new GetAdrRequest { Id = next.Id });
        Assert.Contains(other.Links, l => l.Type == LinkType.Supersedes && l.TargetId == old.Id);

        var amended = await adrs.LinkAdrsAsync(new LinkAdrsRequest { Id = next.Id, Type = LinkType.AmendedBy, TargetId = old.Id });
        Assert.Contains(amended.Links, l => l.Type == LinkType.AmendedBy && l.TargetId == old.Id);
        Assert.Contains((await adrs.GetAdrAsync(new GetAdrRequest { Id = old.Id })).Links, l => l.Type == LinkType.Amends && l.TargetId == next.Id);
        await Rpc.Fails(StatusCode.AlreadyExists, () => adrs.LinkAdrsAsync(new LinkAdrsRequest { Id = old.Id, Type = LinkType.Amends, TargetId = next.Id }));
        var unlinked = await adrs.UnlinkAdrsAsync(new UnlinkAdrsRequest { Id = old.Id, Type = LinkType.Amends, TargetId = next.Id });
        Assert.DoesNotContain(unlinked.Links, l => l.Type == LinkType.Amends);
        await Rpc.Fails(StatusCode.NotFound, () => adrs.LinkAdrsAsync(new LinkAdrsRequest { Id = old.Id, Type = LinkType.RelatesTo, TargetId = "ADR-0099" }));

        var final = await Rpc.Fails(StatusCode.FailedPrecondition, () => adrs.SetStatusAsync(new SetStatusRequest { Id = old.Id, Status = AdrStatus.Accepted }));
        Assert.Contains("superseded is final", final, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Lists_filter_and_page(Transport transport)
    {
        var adrs = Editor(transport, Rpc.Tenant());
        for (var i = 1; i <= 7; i++)
        {
            await adrs.CreateAdrAsync(new CreateAdrRequest { Title = $"Decision {i}", Body = i % 2 == 0 ? "about kafka" : "about postgres", Tags = { i % 2 == 0 ? "even" : "odd" } });
        }

        await adrs.SetStatusAsync(new SetStatusRequest { Id = "3", Status = AdrStatus.Accepted });
        await adrs.DeleteAdrAsync(new DeleteAdrRequest { Id = "7" });

        var pages = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await adrs.ListAdrsAsync(new ListAdrsRequest { PageSize = 2, PageToken = token });
            pages.AddRange(page.Adrs.Select(a => a.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(["ADR-0006", "ADR-0005", "ADR-0004", "ADR-0003", "ADR-0002", "ADR-0001"], pages);

        Assert.Equal(["ADR-0003"], (await adrs.ListAdrsAsync(new ListAdrsRequest { Statuses = { AdrStatus.Accepted } })).Adrs.Select(a => a.Id));
        Assert.Equal(["ADR-0006", "ADR-0004", "ADR-0002"], (await adrs.ListAdrsAsync(new ListAdrsRequest { Tags = { "EVEN" } })).Adrs.Select(a => a.Id));
        Assert.Equal(["ADR-0006", "ADR-0004", "ADR-0002"], (await adrs.ListAdrsAsync(new ListAdrsRequest { Text = "KAFKA" })).Adrs.Select(a => a.Id));
        Assert.Equal(6, (await adrs.ListAdrsAsync(new ListAdrsRequest { Author = "alice" })).Adrs.Count);
        Assert.Empty((await adrs.ListAdrsAsync(new ListAdrsRequest { Author = "mallory" })).Adrs);
        Assert.Equal(7, (await adrs.ListAdrsAsync(new ListAdrsRequest { IncludeDeleted = true })).Adrs.Count);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Soft_delete_hides_until_restored(Transport transport)
    {
        var adrs = Editor(transport, Rpc.Tenant());
        var created = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Temporary", Body = "x" });
        var deleted = await adrs.DeleteAdrAsync(new DeleteAdrRequest { Id = created.Id });
        Assert.True(deleted.Deleted);
        await Rpc.Fails(StatusCode.NotFound, () => adrs.GetAdrAsync(new GetAdrRequest { Id = created.Id }));
        Assert.True((await adrs.GetAdrAsync(new GetAdrRequest { Id = created.Id, IncludeDeleted = true })).Deleted);
        await Rpc.Fails(StatusCode.FailedPrecondition, () => adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = created.Id, ExpectedVersion = 1, Title = "x" }));
        await Rpc.Fails(StatusCode.FailedPrecondition, () => adrs.DeleteAdrAsync(new DeleteAdrRequest { Id = created.Id }));
        var restored = await adrs.RestoreAdrAsync(new RestoreAdrRequest { Id = created.Id });
        Assert.False(restored.Deleted);
        Assert.Equal("Temporary", (await adrs.GetAdrAsync(new GetAdrRequest { Id = created.Id })).Title);
    }
}
