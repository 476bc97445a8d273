using System.Collections.Immutable;
using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class ExporterRoundTripTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static AdrRecord Record(
        int number, string title, string body, AdrStatus status = AdrStatus.Accepted, string? note = null,
        DateOnly? date = null, ImmutableArray<string> tags = default, ImmutableArray<string> deciders = default,
        ImmutableArray<AdrLink> links = default) =>
        new("tenant-a", number, new AdrContent(title, body, tags.IsDefault ? [] : tags, deciders.IsDefault ? [] : deciders, date),
            status, note, 3, At, "ana", At, "ana", null, links.IsDefault ? [] : links);

    [Fact]
    public void Renders_madr4_front_matter_then_the_title_and_body()
    {
        var record = Record(
            5, "Stream ledger events", "## Context\n\nPolling is slow.", AdrStatus.Superseded, "Replaced by \"push\"\nafter the 2024 review",
            new DateOnly(2021, 7, 1), ["ledger", "events"], ["Ana Ruiz", "Bo, Chen"],
            [new AdrLink(9, LinkType.Supersedes, 5), new AdrLink(5, LinkType.Amends, 2), new AdrLink(3, LinkType.RelatesTo, 5), new AdrLink(5, LinkType.RelatesTo, 8)]);

        var markdown = AdrMarkdownExporter.Render(record);

        Assert.Equal(
            """
            ---
            status: superseded
            status-note: "Replaced by \"push\"\nafter the 2024 review"
            date: 2021-07-01
            decision-makers:
              - "Ana Ruiz"
              - "Bo, Chen"
            tags:
              - "ledger"
              - "events"
            superseded-by:
              - ADR-0009
            amends:
              - ADR-0002
            relates-to:
              - ADR-0003
              - ADR-0008
            ---
            # Stream ledger events

            ## Context

            Polling is slow.

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            markdown);
    }

    [Theory]
    [InlineData(7, "Use PostgreSQL for storage", "0007-use-postgresql-for-storage.md")]
    [InlineData(12345, "Café über-fast caching!", "12345-cafe-uber-fast-caching.md")]
    [InlineData(0, "日本語", "0000-adr.md")]
    [InlineData(41, "Łódź, Kraków & Straße Œuvre", "0041-lodz-krakow-strasse-oeuvre.md")]
    [InlineData(3, "Use `#` as the indicator for string constants in every exported bibliography file", "0003-use-as-the-indicator-for-string-constants-in-every-exported.md")]
    public void File_names_are_the_padded_number_and_an_ascii_slug(int number, string title, string expected)
    {
        Assert.Equal(expected, AdrMarkdownExporter.FileName(Record(number, title, string.Empty)));
    }

    [Fact]
    public void Tricky_records_come_back_identical()
    {
        List<AdrRecord> records =
        [
            Record(1, "2. Second thoughts on numbering", "Body with a [link](0002-x.md).", AdrStatus.Proposed, "on hold\n\twaiting \\ for \"budget\" ✅"),
            Record(2, "Use C #", string.Empty, AdrStatus.Rejected, date: new DateOnly(1999, 12, 31)),
            Record(3, "[Superseded by ADR-0002] is part of this title", "```yaml\n---\nstatus: rejected\n---\n# Not a title\n```\n\n- Status: written in the body", AdrStatus.Deprecated,
                tags: ["iso 27001 a.17.1.1", "c#"], deciders: ["Rob (a.k.a., PM)", "Kim"]),
            Record(4, "Everything links", "Text.\n\n| a | b |\n|---|---|", AdrStatus.Superseded,
                links: [new AdrLink(5, LinkType.Supersedes, 4), new AdrLink(4, LinkType.Amends, 1), new AdrLink(2, LinkType.RelatesTo, 4)]),
            Record(5, "Successor", "Text.", links: [new AdrLink(5, LinkType.Supersedes, 4)]),
            Record(6, "Body that looks like metadata", "\n    code first\n\n## Status\n\nNot a status; it supersedes [one](0001-x.md).\n\n## Links\n\n- Amends ADR-0002", AdrStatus.Accepted),
        ];

        var plan = RoundTrip.ExportAndImport(records);

        Assert.Empty(plan.Problems);
        Assert.Empty(plan.Warnings);
        Assert.Equal(records.Count, plan.Adrs.Count);
        foreach (var (record, adr) in records.Zip(plan.Adrs))
        {
            RoundTrip.AssertSameAdr(record.Number, record.Content, record.Status, record.StatusNote, adr);
        }

        Assert.Equal(
            [new AdrLink(2, LinkType.RelatesTo, 4), new AdrLink(4, LinkType.Amends, 1), new AdrLink(5, LinkType.Supersedes, 4)],
            plan.Links);
    }

    [Fact]
    public void A_body_the_importer_would_read_as_metadata_is_written_after_the_verbatim_marker()
    {
        var plain = AdrMarkdownExporter.Render(Record(1, "Plain", "## Context\n\nNothing special."));
        var guarded = AdrMarkdownExporter.Render(Record(2, "Guarded", "- Status: part of the text\n\n## Context\n\nText."));

        Assert.EndsWith("---\n# Plain\n\n## Context\n\nNothing special.\n", plain, StringComparison.Ordinal);
        Assert.EndsWith("---\n# Guarded\n\n<!-- adr-body: verbatim -->\n\n- Status: part of the text\n\n## Context\n\nText.\n", guarded, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_import_format_survives_export_and_import()
    {
        var original = Plan(
            File("0001-nygard.md", "# 1. Nygard style\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\nAmended by [2. MADR two](0002-madr-two.md)\n\n## Context\n\nA.\n"),
            File("0002-madr-two.md", "# MADR two\n\n* Status: Approved\n* Deciders: A, B\n* Date: 2020-01-01\n* Tags: x, y\n\nStory: S-1\n\n## Context\n\nB.\n"),
            File("0003-madr-four.md", "---\nstatus: \"superseded by ADR-0004\"\ndate: 2023-03-03\ndecision-makers: [C]\nconsulted: D\ntags:\n  - z\nparent: Decisions\n---\n<!-- lint -->\n# [Superseded by [ADR-0004](0004-x.md)] MADR four\n\n## Context\n\nC.\n\n## Links\n\n* Relates to [ADR-0001](0001-nygard.md)\n"),
            File("20240404-log4brains.md", "# Log4brains\n\n- Status: accepted\n\n## Links\n\n- Amends [0002-madr-two](0002-madr-two.md)\n"));
        Assert.Empty(original.Problems);

        var again = RoundTrip.ExportAndImport(RoundTrip.Records(original));

        RoundTrip.AssertSameAdrs(original, again);
        Assert.Equal(
            [
                new AdrLink(1, LinkType.RelatesTo, 3), new AdrLink(2, LinkType.Amends, 1),
                new AdrLink(4, LinkType.Supersedes, 3), new AdrLink(4, LinkType.Amends, 2),
            ],
            again.Links);
        Assert.Equal(new DateOnly(2024, 4, 4), again.Adr(4).Content.DecisionDate);
    }

    [Fact]
    public void Export_orders_files_by_number()
    {
        var files = AdrMarkdownExporter.Export([Record(10, "Ten", "x"), Record(2, "Two", "y")]);

        Assert.Equal(["0002-two.md", "0010-ten.md"], files.Select(f => f.Path));
    }
}
