using AdrPlatform.Domain;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Tests.Adrs;

public class AdrImportChangesTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static AdrImport Import(DateTimeOffset at) =>
        new(new AdrContent("Use PostgreSQL", "We need a database.", ["data"], ["alice"], new DateOnly(2024, 1, 2)), AdrStatus.Superseded, "Partly", "adr/0007-use-postgresql.md", at);

    [Fact]
    public void An_import_is_version_one_created_by_the_importer_at_the_import_time()
    {
        var change = AdrChanges.Import("acme", 7, Import(At), "bob");

        Assert.Equal((7, 1, AdrStatus.Superseded, "Partly"), (change.Record.Number, change.Record.Version, change.Record.Status, change.Record.StatusNote));
        Assert.Equal((At, "bob", At, "bob"), (change.Record.CreatedAt, change.Record.CreatedBy, change.Record.UpdatedAt, change.Record.UpdatedBy));
        Assert.Equal(ChangeKind.Imported, change.NewVersion!.Change);
        Assert.Equal("Imported from adr/0007-use-postgresql.md.", change.NewVersion.Note);
    }

    [Fact]
    public void An_adr_is_written_by_an_import_only_when_importer_and_import_time_match()
    {
        var written = AdrChanges.Import("acme", 7, Import(At), "bob").Record;

        Assert.True(AdrChanges.WrittenBy(written, Import(At), "bob"));
        Assert.False(AdrChanges.WrittenBy(written, Import(At), "carol"));
        Assert.False(AdrChanges.WrittenBy(written, Import(At.AddTicks(10)), "bob"));
    }

    [Fact]
    public void Imported_links_are_added_once_without_a_new_version()
    {
        var record = AdrChanges.Import("acme", 7, Import(At), "bob").Record;
        AdrLink supersedes = new(7, LinkType.Supersedes, 3);
        AdrLink amends = new(7, LinkType.Amends, 5);

        var first = AdrChanges.ImportLinks(record, [supersedes, supersedes]);
        Assert.Equal<AdrLink>([supersedes], first.AddedLinks);
        Assert.Null(first.NewVersion);
        Assert.Equal(1, first.Record.Version);

        var again = AdrChanges.ImportLinks(first.Record, [supersedes, amends]);
        Assert.Equal<AdrLink>([amends], again.AddedLinks);
        Assert.Empty(AdrChanges.ImportLinks(again.Record, [supersedes, amends]).AddedLinks);
        Assert.Throws<InvalidOperationException>(() => AdrChanges.ImportLinks(record, [new AdrLink(3, LinkType.Amends, 5)]));
    }
}
