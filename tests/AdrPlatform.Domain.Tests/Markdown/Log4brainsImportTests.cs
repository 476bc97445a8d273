using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class Log4brainsImportTests
{
    private static readonly MarkdownFile Old = File("20200110-number-the-records.md", """
        # Number the records

        - Status: superseded by [20200301-name-the-records-by-slug](20200301-name-the-records-by-slug.md)
        - Date: 2020-01-10

        ## Decision

        Records get a sequence number.
        """);

    private static readonly MarkdownFile New = File("20200301-name-the-records-by-slug.md", """
        # Name the records by slug

        - Status: accepted

        ## Decision

        Records are named by date and slug.

        ## Links

        - Supersedes [20200110-number-the-records](20200110-number-the-records.md)
        """);

    private static readonly MarkdownFile Lint = File("20200205-lint-everything.md", """
        # Lint everything

        - Status: draft
        - Tags: tooling, ci quality

        ## Decision

        Lint in CI.

        ## Links

        - Relates to [20200110-number-the-records](20200110-number-the-records.md)
        - <https://example.org/linting-guide>
        """);

    [Fact]
    public void Date_prefixed_files_are_numbered_from_one_in_file_name_order()
    {
        var plan = Plan(New, Old, Lint);

        Assert.Empty(plan.Problems);
        Assert.Equal(
            [(1, "20200110-number-the-records.md"), (2, "20200205-lint-everything.md"), (3, "20200301-name-the-records-by-slug.md")],
            plan.Adrs.Select(a => (a.Number, a.SourcePath)));
    }

    [Fact]
    public void The_date_line_is_used_and_the_file_name_date_fills_in_when_there_is_none()
    {
        var plan = Plan(New, Old, Lint);

        Assert.Equal(new DateOnly(2020, 1, 10), plan.Adr(1).Content.DecisionDate);
        Assert.Equal(new DateOnly(2020, 2, 5), plan.Adr(2).Content.DecisionDate);
        Assert.Equal(new DateOnly(2020, 3, 1), plan.Adr(3).Content.DecisionDate);
    }

    [Fact]
    public void Slug_links_from_status_and_links_section_resolve_and_dedupe()
    {
        var plan = Plan(New, Old, Lint);

        Assert.Equal([new AdrLink(1, LinkType.RelatesTo, 2), new AdrLink(3, LinkType.Supersedes, 1)], plan.Links);
        Assert.Equal(AdrStatus.Superseded, plan.Adr(1).Status);
        Assert.Equal(AdrStatus.Proposed, plan.Adr(2).Status);
        Assert.Equal("draft", plan.Adr(2).StatusNote);
    }

    [Fact]
    public void Link_lines_leave_the_body_and_an_emptied_links_section_goes_with_them()
    {
        var plan = Plan(New, Old, Lint);

        Assert.Equal("## Decision\n\nRecords are named by date and slug.", plan.Adr(3).Content.Body);
        Assert.Equal("## Decision\n\nLint in CI.\n\n## Links\n\n- <https://example.org/linting-guide>", plan.Adr(2).Content.Body);
    }

    [Fact]
    public void A_tags_line_is_split_on_commas_and_spaces()
    {
        var plan = Plan(Lint);

        Assert.Equal<string>(["tooling", "ci", "quality"], Assert.Single(plan.Adrs).Content.Tags);
    }

    [Fact]
    public void Unnumbered_files_follow_the_highest_number_present()
    {
        var plan = Plan(
            File("0001-a.md", "# A\n"),
            File("0007-b.md", "# B\n"),
            File("20210102-d.md", "# D\n"),
            File("use-plain-names.md", "# E\n"),
            File("20210101-c.md", "# C\n"));

        Assert.Empty(plan.Problems);
        Assert.Equal(
            [(1, "A"), (7, "B"), (8, "C"), (9, "D"), (10, "E")],
            plan.Adrs.Select(a => (a.Number, a.Content.Title)));
    }
}
