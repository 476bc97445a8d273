using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class LinkResolutionTests
{
    private static MarkdownFile Target(int number) =>
        File(FormattableString.Invariant($"{number:D4}-target-{number}.md"), FormattableString.Invariant($"# Target {number}\n"));

    private static ImportPlan PlanWithStatus(string status, params int[] targets) =>
        Plan([File("0050-source.md", $"# Source\n\n- Status: {status}\n"), .. targets.Select(Target)]);

    [Theory]
    [InlineData("superseded by [Some title](0019-target-19.md)")]
    [InlineData("superseded by [Some title](./0019-renamed-later.md#status)")]
    [InlineData("superseded by [Some title](../decisions/0019-target-19.md)")]
    [InlineData("superseded by ADR-0019")]
    [InlineData("Superseded by ADR #0019")]
    [InlineData("superseded by adr0019")]
    [InlineData("superseded by [0019]")]
    [InlineData("superseded by 19")]
    [InlineData("superseded by **[ADR-0019](0019-target-19.md)**")]
    public void Every_way_of_naming_the_other_adr_resolves_to_its_number(string status)
    {
        var plan = PlanWithStatus(status, 19);

        Assert.Empty(plan.Problems);
        Assert.Empty(plan.Warnings);
        Assert.Equal([new AdrLink(19, LinkType.Supersedes, 50)], plan.Links);
    }

    [Fact]
    public void A_link_text_title_is_enough_when_the_target_file_name_carries_the_number()
    {
        var plan = PlanWithStatus("Superseded by [DNS infrastructure](0015-dns-infrastructure.md)", 15);

        Assert.Equal([new AdrLink(15, LinkType.Supersedes, 50)], plan.Links);
    }

    [Fact]
    public void Several_references_after_one_verb_are_all_links()
    {
        var plan = PlanWithStatus("accepted; supersedes ADR-0001, ADR-0002 and [x](0003-target-3.md)", 1, 2, 3);

        Assert.Equal(AdrStatus.Accepted, plan.Adr(50).Status);
        Assert.Equal(
            [new AdrLink(50, LinkType.Supersedes, 1), new AdrLink(50, LinkType.Supersedes, 2), new AdrLink(50, LinkType.Supersedes, 3)],
            plan.Links);
    }

    [Fact]
    public void A_reference_to_an_adr_that_is_not_in_the_folder_is_a_warning_not_a_problem()
    {
        var plan = PlanWithStatus("superseded by ADR-0099", 19);

        Assert.Empty(plan.Problems);
        Assert.Empty(plan.Links);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal("0050-source.md", warning.Path);
        Assert.Contains("ADR-0099 is not in the folder", warning.Message, StringComparison.Ordinal);
        Assert.Equal(AdrStatus.Superseded, plan.Adr(50).Status);
    }

    [Fact]
    public void A_front_matter_link_that_is_not_a_reference_at_all_is_a_problem()
    {
        var plan = Plan(File("0001-a.md", "---\nsupersedes: [the old approach]\n---\n# A\n"));

        var problem = plan.OnlyProblem();
        Assert.Equal("0001-a.md", problem.Path);
        Assert.Equal("front matter 'supersedes': \"the old approach\" is not an ADR reference; write ids such as ADR-0007", problem.Message);
    }

    [Fact]
    public void Relates_to_is_stored_once_from_the_lower_number()
    {
        var plan = Plan(
            File("0008-a.md", "---\nrelates-to: [ADR-0003]\n---\n# A\n"),
            File("0003-b.md", "---\nrelates-to: [ADR-0008]\n---\n# B\n"));

        Assert.Equal([new AdrLink(3, LinkType.RelatesTo, 8)], plan.Links);
    }

    [Fact]
    public void Prose_counts_only_when_a_link_verb_is_followed_by_a_link_to_a_local_adr_file()
    {
        var plan = Plan(
            Target(2),
            Target(4),
            File("0010-source.md", """
                # Source

                ## Context

                This decision in part supersedes [the old one](0002-target-2.md).
                Our design relates to [an RFC](https://example.org/rfc.md) and supersedes nothing else.
                It amends ADR-0004 only in spirit, without a link.

                ```text
                superseded by [not real](0004-target-4.md)
                ```
                """));

        Assert.Empty(plan.Warnings);
        Assert.Equal([new AdrLink(10, LinkType.Supersedes, 2)], plan.Links);
        Assert.Contains("in part supersedes [the old one](0002-target-2.md)", plan.Adr(10).Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_itself_is_dropped_with_a_warning()
    {
        var plan = PlanWithStatus("accepted; relates to ADR-0050");

        Assert.Empty(plan.Links);
        Assert.Contains("points at this ADR itself", Assert.Single(plan.Warnings).Message, StringComparison.Ordinal);
    }
}
