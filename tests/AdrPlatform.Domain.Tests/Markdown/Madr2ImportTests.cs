using AdrPlatform.Model;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class Madr2ImportTests
{
    [Fact]
    public void Bullet_metadata_fills_status_deciders_date_and_tags_and_leaves_the_body()
    {
        var adr = Single("0012-cache-rendered-pages.md", """
            # Cache rendered pages at the edge

            * Status: accepted
            * Deciders: Ana Ruiz, Bo Chen (platform team, on call)
            * Date: 2021-05-06
            * Tags: Performance, CDN

            Technical Story: PERF-12

            ## Context and Problem Statement

            Pages are rendered on every request.
            """);

        Assert.Equal(12, adr.Number);
        Assert.Equal("Cache rendered pages at the edge", adr.Content.Title);
        Assert.Equal(AdrStatus.Accepted, adr.Status);
        Assert.Null(adr.StatusNote);
        Assert.Equal<string>(["Ana Ruiz", "Bo Chen (platform team, on call)"], adr.Content.Deciders);
        Assert.Equal(new DateOnly(2021, 5, 6), adr.Content.DecisionDate);
        Assert.Equal<string>(["performance", "cdn"], adr.Content.Tags);
        Assert.Equal("Technical Story: PERF-12\n\n## Context and Problem Statement\n\nPages are rendered on every request.", adr.Content.Body);
    }

    [Fact]
    public void Dash_bullets_with_a_capitalised_status_are_canonical()
    {
        var adr = Single("0002-x.md", "# Use one repository\n\n- Status: Accepted\n- Deciders: Team\n- Date: 2022-11-17\n\n## Context\n\nWhy.\n");

        Assert.Equal(AdrStatus.Accepted, adr.Status);
        Assert.Null(adr.StatusNote);
        Assert.Equal<string>(["Team"], adr.Content.Deciders);
        Assert.Equal("## Context\n\nWhy.", adr.Content.Body);
    }

    [Fact]
    public void A_superseded_by_title_prefix_is_a_link_and_not_part_of_the_title()
    {
        var plan = Plan(
            File("0002-ship-logs-with-agents.md", """
                # [Superseded by [ADR-0009](0009-ship-logs-with-sidecars.md)] Ship logs with node agents

                - Status: superseded by [ADR-0009](0009-ship-logs-with-sidecars.md)
                - Date: 2020-03-01

                ## Context and Problem Statement

                Logs must leave the node.
                """),
            File("0009-ship-logs-with-sidecars.md", "# Ship logs with sidecars\n\n- Status: accepted\n"));

        Assert.Empty(plan.Problems);
        Assert.Equal("Ship logs with node agents", plan.Adr(2).Content.Title);
        Assert.Equal(AdrStatus.Superseded, plan.Adr(2).Status);
        Assert.Equal("superseded by [ADR-0009](0009-ship-logs-with-sidecars.md)", plan.Adr(2).StatusNote);
        Assert.Equal([new AdrLink(9, LinkType.Supersedes, 2)], plan.Links);
    }

    [Fact]
    public void Metadata_like_bullets_after_the_first_section_heading_stay_in_the_body()
    {
        var adr = Single("0004-x.md", "# Keep the status quo\n\n- Status: rejected\n\n## Considered Options\n\n- Status: quo kept as an option\n- Date: whenever\n");

        Assert.Equal(AdrStatus.Rejected, adr.Status);
        Assert.Equal("## Considered Options\n\n- Status: quo kept as an option\n- Date: whenever", adr.Content.Body);
    }

    [Fact]
    public void Comments_around_a_free_text_status_stay_and_the_text_is_kept_as_the_note()
    {
        var adr = Single("0010-x.md", """
            # Run databases next to the apps

            <!-- lint off -->
            - Status: proposed. **We could not agree**, but this is what we do today.
            <!-- lint on -->
            - Deciders: Kim
            - Date: 2021-04-29

            ## Context and Problem Statement

            Text.
            """);

        Assert.Equal(AdrStatus.Proposed, adr.Status);
        Assert.Equal("proposed. **We could not agree**, but this is what we do today.", adr.StatusNote);
        Assert.Equal("<!-- lint off -->\n<!-- lint on -->\n\n## Context and Problem Statement\n\nText.", adr.Content.Body);
    }

    [Fact]
    public void A_file_without_any_status_is_accepted_without_a_note()
    {
        var adr = Single("0000-use-adrs.md", "# Use ADRs\n\n## Context and Problem Statement\n\nWe want to record decisions.\n");

        Assert.Equal(0, adr.Number);
        Assert.Equal(AdrStatus.Accepted, adr.Status);
        Assert.Null(adr.StatusNote);
    }

    [Fact]
    public void Bold_metadata_keys_are_recognised()
    {
        var adr = Single("0005-x.md", "# Bold keys\n\n**Status:** deprecated\n**Date:** 2019-12-31\n\n## Context\n\nOld.\n");

        Assert.Equal(AdrStatus.Deprecated, adr.Status);
        Assert.Null(adr.StatusNote);
        Assert.Equal(new DateOnly(2019, 12, 31), adr.Content.DecisionDate);
        Assert.Equal("## Context\n\nOld.", adr.Content.Body);
    }
}
