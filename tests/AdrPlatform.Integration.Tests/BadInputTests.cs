using System.Text;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>Every kind of bad input gets its gRPC status and a readable message, and nothing is half-written.</summary>
public class BadInputTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private readonly string _tenant = Rpc.Tenant();

    private AdrService.AdrServiceClient Adrs(Transport transport = Transport.Grpc) => Clients.For(host, transport, _tenant, "alice", "editor").Adrs;

    [Fact]
    public async Task Bad_create_requests_are_invalid_and_leave_no_gap_in_numbers()
    {
        var adrs = Adrs();
        Assert.Contains("title is required", await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest())), StringComparison.Ordinal);
        Assert.Contains("at most 300", await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = new string('t', 301) })), StringComparison.Ordinal);
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "x", Body = new string('b', 200_001) }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "x", Tags = { Enumerable.Range(0, 51).Select(i => $"t{i}") } }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "x", Tags = { "'; DROP TABLE adrs; --" } }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "x", Template = (AdrTemplate)9 }));
        Assert.Contains("YYYY-MM-DD", await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "x", DecisionDate = "31/12/2026" })), StringComparison.Ordinal);
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "x", Body = "b", Sections = { ["Context"] = "c" } }));

        Assert.Equal("ADR-0001", (await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "First real one", Body = "x" })).Id);
    }

    [Fact]
    public async Task Limits_count_what_was_sent_and_titles_must_show_something()
    {
        var adrs = Adrs();
        Assert.Equal(
            "100000 tags given; at most 50 are allowed.",
            await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "x", Tags = { Enumerable.Repeat("same", 100_000) } })));
        Assert.Equal(
            "The title must have at least one visible character (a letter, number, punctuation or symbol).",
            await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "\u200B\u202E\u2066\uFEFF\u00AD\u0301" })));
        Assert.Contains(
            "must not contain bidirectional",
            await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Approve invoice \u202Efdp.exe" })),
            StringComparison.Ordinal);

        Assert.Equal("ADR-0001", (await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Visible", Tags = { "same", "same" } })).Id);
    }

    [Fact]
    public async Task Unknown_enum_values_ids_and_tokens_are_invalid()
    {
        var adrs = Adrs();
        var created = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Enum checks", Body = "x" });
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.SetStatusAsync(new SetStatusRequest { Id = created.Id, Status = (AdrStatus)42 }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.SetStatusAsync(new SetStatusRequest { Id = created.Id }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.LinkAdrsAsync(new LinkAdrsRequest { Id = created.Id, Type = (LinkType)99, TargetId = created.Id }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.LinkAdrsAsync(new LinkAdrsRequest { Id = created.Id, Type = LinkType.RelatesTo, TargetId = created.Id }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.ListAdrsAsync(new ListAdrsRequest { Statuses = { (AdrStatus)7 } }));
        Assert.Contains("page token", await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.ListAdrsAsync(new ListAdrsRequest { PageToken = "garbage!" })), StringComparison.Ordinal);
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.ListAdrsAsync(new ListAdrsRequest { PageSize = -1 }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.ListAdrsAsync(new ListAdrsRequest { Text = new string('q', 201) }));
        Assert.Contains("ADR-0007", await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-x" })), StringComparison.Ordinal);
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.GetAdrAsync(new GetAdrRequest()));
        await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.DiffVersionsAsync(new DiffVersionsRequest { Id = created.Id, FromVersion = 1, ToVersion = 1, ContextLines = -1 }));
        await Rpc.Fails(StatusCode.NotFound, () => adrs.RollbackAdrAsync(new RollbackAdrRequest { Id = created.Id, ToVersion = 5, ExpectedVersion = 1 }));
        await Rpc.Fails(StatusCode.FailedPrecondition, () => adrs.RollbackAdrAsync(new RollbackAdrRequest { Id = created.Id, ToVersion = 1, ExpectedVersion = 1 }));
        Assert.Equal(1, (await adrs.GetAdrAsync(new GetAdrRequest { Id = created.Id })).Version);
    }

    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.GrpcWeb)]
    public async Task A_bad_import_is_refused_whole_and_writes_nothing(Transport transport)
    {
        var tenant = Rpc.Tenant();
        var adrs = Clients.For(host, transport, tenant, "alice", "editor").Adrs;
        var request = new ImportMarkdownRequest
        {
            Files =
            {
                File("0001-good.md", "# 1. A good one\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nFine.\n"),
                new MarkdownFile { Path = "0002-broken-utf8.md", Content = ByteString.CopyFrom([0x23, 0x20, 0xC3, 0x28, 0x0A]) },
                File("0003-bad-front-matter.md", "---\nstatus: [accepted\n---\n# Bad\n"),
            },
        };
        var message = await Rpc.Fails(StatusCode.InvalidArgument, () => adrs.ImportMarkdownAsync(request));
        Assert.Contains("0002-broken-utf8.md", message, StringComparison.Ordinal);
        Assert.Contains("0003-bad-front-matter.md", message, StringComparison.Ordinal);
        Assert.Empty((await adrs.ListAdrsAsync(new ListAdrsRequest { IncludeDeleted = true })).Adrs);
        Assert.Equal("ADR-0001", (await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Still first", Body = "x" })).Id);
    }

    [Fact]
    public async Task Imports_beyond_the_file_count_or_size_limits_are_resource_exhausted()
    {
        var adrs = Adrs();
        var many = new ImportMarkdownRequest();
        many.Files.AddRange(Enumerable.Range(1, 2001).Select(i => File($"{i:D4}-x.md", $"# {i}. X\n")));
        await Rpc.Fails(StatusCode.ResourceExhausted, () => adrs.ImportMarkdownAsync(many));

        var huge = new ImportMarkdownRequest { Files = { new MarkdownFile { Path = "0001-huge.md", Content = ByteString.CopyFrom(new byte[40 * 1024 * 1024]) } } };
        await Rpc.Fails(StatusCode.ResourceExhausted, () => adrs.ImportMarkdownAsync(huge));
    }

    [Fact]
    public async Task Importing_onto_existing_numbers_is_refused_and_writes_nothing()
    {
        var adrs = Adrs();
        var tenantHasOne = await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Existing", Body = "x" });
        var request = new ImportMarkdownRequest
        {
            Files =
            {
                File(tenantHasOne.Number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-clash.md", "# Clash\n\nbody\n"),
                File("0500-fresh.md", "# Fresh\n\nbody\n"),
            },
        };
        await Rpc.Fails(StatusCode.AlreadyExists, () => adrs.ImportMarkdownAsync(request));
        await Rpc.Fails(StatusCode.NotFound, () => adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-0500" }));
        Assert.Equal("Existing", (await adrs.GetAdrAsync(new GetAdrRequest { Id = tenantHasOne.Id })).Title);
    }

    private static MarkdownFile File(string path, string text) => new() { Path = path, Content = ByteString.CopyFrom(Encoding.UTF8.GetBytes(text)) };
}
