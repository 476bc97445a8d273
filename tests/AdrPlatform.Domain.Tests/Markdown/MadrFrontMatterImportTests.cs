using AdrPlatform.Model;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class MadrFrontMatterImportTests
{
    [Fact]
    public void Madr4_front_matter_fills_every_field_and_jekyll_keys_are_ignored_silently()
    {
        var plan = Plan(File("0012-sign-webhooks.md", """
            ---
            parent: Decisions
            nav_order: 12
            status: "proposed"
            date: 2024-02-03
            decision-makers: Ana Ruiz, Bo Chen
            consulted: Security guild
            informed: [Support, Sales]
            tags: [api, Security, api]
            ---
            # Sign webhooks with HMAC

            ## Context and Problem Statement

            Receivers cannot tell our calls from forged ones.
            """));

        var adr = Assert.Single(plan.Adrs);
        Assert.Empty(plan.Warnings);
        Assert.Equal("Sign webhooks with HMAC", adr.Content.Title);
        Assert.Equal(AdrStatus.Proposed, adr.Status);
        Assert.Null(adr.StatusNote);
        Assert.Equal(new DateOnly(2024, 2, 3), adr.Content.DecisionDate);
        Assert.Equal<string>(["Ana Ruiz", "Bo Chen"], adr.Content.Deciders);
        Assert.Equal<string>(["api", "security"], adr.Content.Tags);
        Assert.Equal(
            "## Context and Problem Statement\n\nReceivers cannot tell our calls from forged ones.\n\n"
            + "## Consulted and Informed\n\n* Consulted: Security guild\n* Informed: Support, Sales",
            adr.Content.Body);
    }

    [Fact]
    public void A_front_matter_title_fills_in_when_there_is_no_heading()
    {
        var adr = Single("0003-x.md", "---\ntitle: Prefer managed queues\nstatus: accepted\n---\nWe pick the cloud queue.\n");

        Assert.Equal("Prefer managed queues", adr.Content.Title);
        Assert.Equal("We pick the cloud queue.", adr.Content.Body);
    }

    [Fact]
    public void The_heading_wins_over_a_different_navigation_title_and_text_before_it_is_kept()
    {
        var adr = Single("0038-x.md", "---\ntitle: Short nav title\nnav_order: 38\n---\n\n<!-- lint: allow second h1 -->\n# Use `Entry.id` as the index key\n\n## Context\n\nWhy.\n");

        Assert.Equal("Use `Entry.id` as the index key", adr.Content.Title);
        Assert.Equal("<!-- lint: allow second h1 -->\n\n## Context\n\nWhy.", adr.Content.Body);
    }

    [Fact]
    public void Deciders_and_tags_as_yaml_lists_keep_commas_and_spaces_inside_items()
    {
        var adr = Single("0015-x.md", "---\ndeciders:\n  - Rob, product lead\n  - Kim\ntags:\n  - ISO 27001 A.17.1.1 Planning\n  - nist\n---\n# Community first\n");

        Assert.Equal<string>(["Rob, product lead", "Kim"], adr.Content.Deciders);
        Assert.Equal<string>(["iso 27001 a.17.1.1 planning", "nist"], adr.Content.Tags);
    }

    [Fact]
    public void Yaml_like_text_and_headings_inside_code_blocks_are_body_text()
    {
        const string body = "## Example\n\n```markdown\n---\nstatus: rejected\ndate: 1999-01-01\n---\n# Not a title\n\n- Status: not metadata\n```\n\n![diagram](img/flow.svg)\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        var adr = Single("0008-x.md", "---\nstatus: accepted\n---\n# Track the status in front matter\n\n" + body + "\n");

        Assert.Equal(AdrStatus.Accepted, adr.Status);
        Assert.Null(adr.Content.DecisionDate);
        Assert.Equal("Track the status in front matter", adr.Content.Title);
        Assert.Equal(body, adr.Content.Body);
    }

    [Fact]
    public void Quoted_status_with_an_emoji_maps_and_keeps_the_raw_text()
    {
        var adr = Single("0004-x.md", "---\nstatus: \"✅ Accepted\"\n---\n# Emoji status\n");

        Assert.Equal(AdrStatus.Accepted, adr.Status);
        Assert.Equal("✅ Accepted", adr.StatusNote);
    }

    [Fact]
    public void Unknown_front_matter_keys_are_reported_as_a_warning()
    {
        var plan = Plan(File("0004-x.md", "---\nstatus: accepted\nreviewers: [Lee]\nlayout: page\n---\n# Unknown keys\n"));

        Assert.Empty(plan.Problems);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal("0004-x.md", warning.Path);
        Assert.Contains("reviewers", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("layout", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_link_lists_become_canonical_links()
    {
        var plan = Plan(
            File("0001-a.md", "# A\n"),
            File("0002-b.md", "# B\n"),
            File("0003-c.md", "---\nstatus: accepted\nsupersedes:\n  - ADR-0001\namended-by: 4\nrelates-to: [ADR-0002]\n---\n# C\n"),
            File("0004-d.md", "# D\n"));

        Assert.Empty(plan.Problems);
        Assert.Equal(
            [new AdrLink(2, LinkType.RelatesTo, 3), new AdrLink(3, LinkType.Supersedes, 1), new AdrLink(4, LinkType.Amends, 3)],
            plan.Links);
    }

    [Fact]
    public void A_front_matter_status_note_is_the_note()
    {
        var adr = Single("0006-x.md", "---\nstatus: deprecated\nstatus-note: \"Replaced by the \\\"new\\\" gateway\"\n---\n# Old gateway\n");

        Assert.Equal(AdrStatus.Deprecated, adr.Status);
        Assert.Equal("Replaced by the \"new\" gateway", adr.StatusNote);
    }
}
