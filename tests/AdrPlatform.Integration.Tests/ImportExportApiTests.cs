using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Xunit.Abstractions;

namespace AdrPlatform.Integration.Tests;

/// <summary>
/// Real ADR folders imported over gRPC (and gRPC-Web), exported, and imported into a second tenant:
/// both tenants then hold the same records, links included.
/// </summary>
public class ImportExportApiTests(GatewayHost host, ITestOutputHelper output) : IClassFixture<GatewayHost>
{
    public static TheoryData<string, Transport> Corpora => new()
    {
        { "JabRef__jabref", Transport.Grpc },
        { "adr__madr", Transport.GrpcWeb },
        { "alphagov__govuk-aws", Transport.Grpc },
        { "elastisys__compliantkubernetes", Transport.GrpcWeb },
        { "npryce__adr-tools", Transport.Grpc },
        { "thomvaill__log4brains", Transport.GrpcWeb },
    };

    [CorporaTheory]
    [MemberData(nameof(Corpora))]
    public async Task A_real_adr_folder_imports_exports_and_reimports_to_the_same_records(string corpus, Transport transport)
    {
        var root = AdrCorpora.Require();

        var source = Clients.For(host, transport, Rpc.Tenant(), "importer", "editor").Adrs;
        var request = new ImportMarkdownRequest();
        request.Files.AddRange(Directory.GetFiles(Path.Combine(root, corpus), "*.md").Select(path =>
            new MarkdownFile { Path = Path.GetFileName(path), Content = ByteString.CopyFrom(File.ReadAllBytes(path)) }));

        var imported = await source.ImportMarkdownAsync(request);
        Assert.Equal(request.Files.Count, imported.Imported.Count + imported.Skipped.Count);
        Assert.NotEmpty(imported.Imported);
        var original = await AdrPages.AllAsync(source);
        Assert.Equal(imported.Imported.Select(a => a.Id).Order(StringComparer.Ordinal), original.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(original, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
        Assert.Equal(imported.Links * 2, original.Sum(a => a.Links.Count));

        var exported = await source.ExportMarkdownAsync(new ExportMarkdownRequest());
        Assert.Equal(original.Count, exported.Files.Count);
        var copy = Clients.For(host, transport, Rpc.Tenant(), "importer", "editor").Adrs;
        var reimport = new ImportMarkdownRequest();
        reimport.Files.AddRange(exported.Files);
        var again = await copy.ImportMarkdownAsync(reimport);
        Assert.Empty(again.Skipped);
        Assert.Empty(again.Warnings);
        Assert.Equal(imported.Links, again.Links);

        var copied = await AdrPages.AllAsync(copy);
        Assert.Equal(original.Select(Comparable), copied.Select(Comparable));
        output.WriteLine($"{corpus}: {original.Count} ADRs, {imported.Links} links, {imported.Warnings.Count} warnings");
    }

    [Fact]
    public async Task Imported_supersede_links_show_on_both_sides_and_numbering_continues_after_them()
    {
        var adrs = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "importer", "editor").Adrs;
        var request = new ImportMarkdownRequest
        {
            Files =
            {
                MarkdownUploads.File("0003-use-mysql.md", "# 3. Use MySQL\n\nDate: 2019-02-01\n\n## Status\n\nSuperseded by [7. Use PostgreSQL](0007-use-postgresql.md)\n\n## Context\n\nWe needed a database.\n"),
                MarkdownUploads.File("0007-use-postgresql.md", "# 7. Use PostgreSQL\n\nDate: 2020-05-04\n\n## Status\n\nAccepted\n\nSupersedes [3. Use MySQL](0003-use-mysql.md)\n\n## Context\n\nMySQL hurt.\n"),
            },
        };
        var result = await adrs.ImportMarkdownAsync(request);
        Assert.Equal(1, result.Links);

        var old = await adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-0003" });
        Assert.Equal(AdrStatus.Superseded, old.Status);
        Assert.Equal("2019-02-01", old.DecisionDate);
        Assert.Equal([new AdrLink { Type = LinkType.SupersededBy, TargetId = "ADR-0007" }], old.Links);
        var current = await adrs.GetAdrAsync(new GetAdrRequest { Id = "ADR-0007" });
        Assert.Equal([new AdrLink { Type = LinkType.Supersedes, TargetId = "ADR-0003" }], current.Links);
        Assert.Equal(ChangeKind.Imported, (await adrs.ListVersionsAsync(new ListVersionsRequest { Id = "ADR-0007" })).Versions.Single().Change);

        Assert.Equal("ADR-0008", (await adrs.CreateAdrAsync(new CreateAdrRequest { Title = "After the import", Body = "x" })).Id);
    }

    /// <summary>What an export must carry over: everything but who imported it and when.</summary>
    private static string Comparable(Adr adr) => new Adr(adr)
    {
        CreatedAt = null,
        UpdatedAt = null,
        CreatedBy = string.Empty,
        UpdatedBy = string.Empty,
    }.ToString();
}
