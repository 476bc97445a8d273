using AdrPlatform.Model;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class NygardImportTests
{
    private const string QueueAdr = """
        # 3. Put a queue between ordering and billing

        Date: 2019-04-02

        ## Status

        Accepted

        ## Context

        Ordering calls billing synchronously, so a slow billing run blocks checkouts.

        ## Decision

        Ordering publishes an event; billing consumes it from a queue.
        """;

    [Fact]
    public void Reads_number_title_date_status_and_the_decision_text()
    {
        var adr = Single("0003-put-a-queue-between-ordering-and-billing.md", QueueAdr);

        Assert.Equal(3, adr.Number);
        Assert.Equal("Put a queue between ordering and billing", adr.Content.Title);
        Assert.Equal(new DateOnly(2019, 4, 2), adr.Content.DecisionDate);
        Assert.Equal(AdrStatus.Accepted, adr.Status);
        Assert.Null(adr.StatusNote);
        Assert.Equal(
            "## Context\n\nOrdering calls billing synchronously, so a slow billing run blocks checkouts.\n\n"
            + "## Decision\n\nOrdering publishes an event; billing consumes it from a queue.",
            adr.Content.Body);
        Assert.Empty(adr.Content.Tags);
        Assert.Empty(adr.Content.Deciders);
    }

    [Fact]
    public void Superseded_by_in_the_status_section_becomes_a_canonical_link_and_keeps_the_text()
    {
        var plan = Plan(
            File("0002-poll-the-ledger.md", "# 2. Poll the ledger\n\nDate: 2018-01-01\n\n## Status\n\nSuperseded by [5. Stream ledger events](0005-stream-ledger-events.md)\n\n## Context\n\nPolling.\n"),
            File("0005-stream-ledger-events.md", "# 5. Stream ledger events\n\nDate: 2018-06-01\n\n## Status\n\nAccepted\n\n## Context\n\nStreaming.\n"));

        Assert.Empty(plan.Problems);
        Assert.Equal([new AdrLink(5, LinkType.Supersedes, 2)], plan.Links);
        Assert.Equal(AdrStatus.Superseded, plan.Adr(2).Status);
        Assert.Equal("Superseded by [5. Stream ledger events](0005-stream-ledger-events.md)", plan.Adr(2).StatusNote);
        Assert.Equal("## Context\n\nPolling.", plan.Adr(2).Content.Body);
    }

    [Fact]
    public void Amends_stated_on_both_sides_is_one_link()
    {
        var plan = Plan(
            File("0004-log-format.md", "# 4. Log format\n\n## Status\n\nAccepted\n\nAmended by [7. Log levels](0007-log-levels.md)\n\n## Decision\n\nJSON lines.\n"),
            File("0007-log-levels.md", "# 7. Log levels\n\n## Status\n\nAccepted\n\nAmends [4. Log format](0004-log-format.md)\n\n## Decision\n\nFour levels.\n"));

        Assert.Equal([new AdrLink(7, LinkType.Amends, 4)], plan.Links);
        Assert.Equal(AdrStatus.Accepted, plan.Adr(4).Status);
        Assert.Equal("Accepted\nAmended by [7. Log levels](0007-log-levels.md)", plan.Adr(4).StatusNote);
        Assert.Equal("Accepted\nAmends [4. Log format](0004-log-format.md)", plan.Adr(7).StatusNote);
    }

    [Fact]
    public void Windows_line_endings_and_trailing_blank_lines_are_normalised_but_inner_text_is_kept()
    {
        var adr = Single("0001-x.md", "# 1. Keep it simple\r\n \r\nDate: 2020-02-02 \r\n \r\n## Status\r\n \r\nAccepted\r\n \r\n## Context\r\n \r\nA line with two trailing spaces  \r\n    indented code\r\n\r\n\r\n  \r\n");

        Assert.Equal("## Context\n \nA line with two trailing spaces  \n    indented code", adr.Content.Body);
        Assert.Equal(new DateOnly(2020, 2, 2), adr.Content.DecisionDate);
    }

    [Fact]
    public void A_status_section_after_other_sections_is_removed_without_leaving_a_gap()
    {
        var adr = Single("0009-late-status.md", "# 9. Late status\n\n## Context\n\nSome context.\n\n## Status\n\nRejected\n\n## Decision\n\nNone.\n");

        Assert.Equal(AdrStatus.Rejected, adr.Status);
        Assert.Equal("## Context\n\nSome context.\n\n## Decision\n\nNone.", adr.Content.Body);
    }

    [Fact]
    public void A_date_that_is_not_iso_stays_in_the_body_with_a_warning()
    {
        var plan = Plan(File("0001-old-date.md", "# 1. Old date\n\nDate: 12/02/2016\n\n## Status\n\nAccepted\n\n## Context\n\nText.\n"));

        var adr = Assert.Single(plan.Adrs);
        Assert.Null(adr.Content.DecisionDate);
        Assert.StartsWith("Date: 12/02/2016\n\n## Context", adr.Content.Body, StringComparison.Ordinal);
        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("YYYY-MM-DD", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_prefixes_of_other_numbers_are_stripped_but_the_file_number_is_kept()
    {
        var adr = Single("0033-ip-ranges.md", "# 3. Networking outline\n\nDate: 2018-09-26\n\n## Status\n\nPending\n");

        Assert.Equal(33, adr.Number);
        Assert.Equal("Networking outline", adr.Content.Title);
        Assert.Equal(AdrStatus.Proposed, adr.Status);
        Assert.Equal("Pending", adr.StatusNote);
        Assert.Equal(string.Empty, adr.Content.Body);
    }
}
