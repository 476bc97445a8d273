using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class StatusMappingTests
{
    [Theory]
    [InlineData("accepted", AdrStatus.Accepted)]
    [InlineData("Accepted", AdrStatus.Accepted)]
    [InlineData("  REJECTED ", AdrStatus.Rejected)]
    [InlineData("\"deprecated\"", AdrStatus.Deprecated)]
    [InlineData("**Superseded**", AdrStatus.Superseded)]
    [InlineData("proposed", AdrStatus.Proposed)]
    public void One_canonical_word_maps_without_a_note(string raw, AdrStatus expected)
    {
        Assert.Equal((expected, (string?)null), AdrStatusText.Map(raw));
    }

    [Theory]
    [InlineData("Pending", AdrStatus.Proposed)]
    [InlineData("Draft", AdrStatus.Proposed)]
    [InlineData("on hold", AdrStatus.Proposed)]
    [InlineData("Approved", AdrStatus.Accepted)]
    [InlineData("✅ Accepted", AdrStatus.Accepted)]
    [InlineData("Accepted.", AdrStatus.Accepted)]
    [InlineData("Partly superseded", AdrStatus.Superseded)]
    [InlineData("superseded by ADR-0057", AdrStatus.Superseded)]
    [InlineData("Accepted\nSuperseded by [9. Newer](0009-newer.md)", AdrStatus.Superseded)]
    [InlineData("accepted; supersedes ADR-0045", AdrStatus.Accepted)]
    [InlineData("proposed. **This ADR did not reach consensus**, yet it is what we do", AdrStatus.Proposed)]
    [InlineData("Deprecated in favour of the new API", AdrStatus.Deprecated)]
    [InlineData("withdrawn by the author", AdrStatus.Rejected)]
    [InlineData("Accepted, Rejected", AdrStatus.Accepted)]
    [InlineData("something nobody planned for", AdrStatus.Proposed)]
    public void Other_text_maps_to_the_closest_status_and_is_kept_as_the_note(string raw, AdrStatus expected)
    {
        Assert.Equal((expected, raw), AdrStatusText.Map(raw));
    }

    [Fact]
    public void The_front_matter_status_wins_over_a_bullet_and_the_disagreement_is_a_warning()
    {
        var plan = Plan(File("0001-x.md", "---\nstatus: rejected\n---\n# Two statuses\n\n- Status: accepted\n"));

        var adr = Assert.Single(plan.Adrs);
        Assert.Equal(AdrStatus.Rejected, adr.Status);
        Assert.Null(adr.StatusNote);
        Assert.Equal(string.Empty, adr.Content.Body);
        Assert.Contains("second status \"accepted\"", Assert.Single(plan.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_status_and_a_declared_note_are_both_kept()
    {
        var adr = Single("0001-x.md", "---\nstatus: on hold\nstatus-note: waiting for the budget\n---\n# Both\n");

        Assert.Equal(AdrStatus.Proposed, adr.Status);
        Assert.Equal("on hold\nwaiting for the budget", adr.StatusNote);
    }
}
