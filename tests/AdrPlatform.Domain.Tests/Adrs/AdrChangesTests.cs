using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Errors;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Tests.Adrs;

public class AdrChangesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly AdrLimits Limits = AdrLimits.Default;

    private static AdrDraft Draft(string title = "Use PostgreSQL", string? body = null, AdrTemplate template = AdrTemplate.Madr) =>
        new(title, template, body, ImmutableDictionary<string, string>.Empty, ["Data"], ["alice"], new DateOnly(2026, 1, 2));

    private static AdrRecord Created() => AdrChanges.Create("acme", 7, Draft(body: "We need a database."), "alice", T0, Limits).Record;

    [Fact]
    public void Create_starts_at_version_one_proposed_with_a_created_entry()
    {
        var change = AdrChanges.Create("acme", 7, Draft(body: "Body"), "alice", T0, Limits);
        Assert.Equal(1, change.Record.Version);
        Assert.Equal(AdrStatus.Proposed, change.Record.Status);
        Assert.Equal<string>(["data"], change.Record.Content.Tags);
        Assert.Equal(ChangeKind.Created, change.NewVersion!.Change);
        Assert.Equal("alice", change.NewVersion.Author);
    }

    [Fact]
    public void Create_without_body_uses_the_template_and_fills_given_sections()
    {
        var draft = Draft(template: AdrTemplate.Nygard) with { Sections = ImmutableDictionary<string, string>.Empty.Add("decision", "We use Postgres.") };
        var body = AdrChanges.Create("acme", 1, draft, "alice", T0, Limits).Record.Content.Body;
        Assert.Equal("## Context\n\n_To be written._\n\n## Decision\n\nWe use Postgres.\n\n## Consequences\n\n_To be written._", body);
    }

    [Fact]
    public void Madr_template_has_its_sections_in_order()
    {
        var body = AdrChanges.Create("acme", 1, Draft(), "alice", T0, Limits).Record.Content.Body;
        Assert.True(body.IndexOf("## Context and Problem Statement", StringComparison.Ordinal) < body.IndexOf("## Considered Options", StringComparison.Ordinal));
        Assert.Contains("## Decision Outcome", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_with_the_current_version_appends_a_version()
    {
        var edit = new AdrEdit(1, "Use PostgreSQL 16", null, null, null, null, false);
        var change = AdrChanges.Update(Created(), edit, "bob", T0.AddMinutes(1), Limits);
        Assert.Equal(2, change.Record.Version);
        Assert.Equal("Use PostgreSQL 16", change.Record.Content.Title);
        Assert.Equal("We need a database.", change.Record.Content.Body);
        Assert.Equal("bob", change.Record.UpdatedBy);
        Assert.Equal(ChangeKind.Updated, change.NewVersion!.Change);
    }

    [Fact]
    public void Update_with_a_stale_version_is_refused_and_says_the_current_one()
    {
        var current = AdrChanges.Update(Created(), new AdrEdit(1, "Second", null, null, null, null, false), "bob", T0, Limits).Record;
        var error = Assert.Throws<AdrPlatformException>(() =>
            AdrChanges.Update(current, new AdrEdit(1, "Lost update", null, null, null, null, false), "carol", T0, Limits));
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Contains("is at version 2, not 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_without_expected_version_is_invalid() =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<AdrPlatformException>(() =>
            AdrChanges.Update(Created(), new AdrEdit(0, "x", null, null, null, null, false), "bob", T0, Limits)).Kind);

    [Fact]
    public void Update_that_changes_nothing_writes_no_version()
    {
        var current = Created();
        var change = AdrChanges.Update(current, new AdrEdit(1, current.Content.Title, null, null, null, null, false), "bob", T0, Limits);
        Assert.Same(current, change.Record);
        Assert.Null(change.NewVersion);
    }

    [Fact]
    public void Supersede_requires_the_superseding_adrs_and_links_them()
    {
        var accepted = AdrChanges.SetStatus(Created(), new StatusChange(AdrStatus.Accepted, 0, [], null), "bob", T0, Limits).Record;
        Assert.Throws<AdrPlatformException>(() => AdrChanges.SetStatus(accepted, new StatusChange(AdrStatus.Superseded, 0, [], null), "bob", T0, Limits));
        var change = AdrChanges.SetStatus(accepted, new StatusChange(AdrStatus.Superseded, 2, [9], "Replaced"), "bob", T0, Limits);
        Assert.Equal(AdrStatus.Superseded, change.Record.Status);
        Assert.Equal<AdrLink>([new AdrLink(9, LinkType.Supersedes, 7)], change.AddedLinks);
        Assert.Equal("Replaced", change.NewVersion!.Note);
    }

    [Fact]
    public void An_adr_cannot_supersede_itself()
    {
        var accepted = AdrChanges.SetStatus(Created(), new StatusChange(AdrStatus.Accepted, 0, [], null), "bob", T0, Limits).Record;
        Assert.Throws<AdrPlatformException>(() => AdrChanges.SetStatus(accepted, new StatusChange(AdrStatus.Superseded, 0, [7], null), "bob", T0, Limits));
    }

    [Fact]
    public void Rollback_writes_a_new_version_with_the_old_content()
    {
        var v1 = Created();
        var v2 = AdrChanges.Update(v1, new AdrEdit(1, "Changed", "Other body", null, null, null, false), "bob", T0, Limits).Record;
        var oldVersion = AdrChanges.VersionOf(v1, ChangeKind.Created, null);
        var change = AdrChanges.Rollback(v2, oldVersion, 2, "carol", T0);
        Assert.Equal(3, change.Record.Version);
        Assert.True(change.Record.Content.SameAs(v1.Content));
        Assert.Equal(ChangeKind.RolledBack, change.NewVersion!.Change);
    }

    [Fact]
    public void Deleted_adrs_cannot_change_until_restored()
    {
        var deleted = AdrChanges.Delete(Created(), "bob", T0).Record;
        Assert.True(deleted.IsDeleted);
        Assert.Equal(1, deleted.Version);
        Assert.Equal(ErrorKind.FailedPrecondition, Assert.Throws<AdrPlatformException>(() =>
            AdrChanges.Update(deleted, new AdrEdit(1, "x", null, null, null, null, false), "bob", T0, Limits)).Kind);
        var restored = AdrChanges.Restore(deleted, "bob", T0).Record;
        Assert.False(restored.IsDeleted);
    }

    [Fact]
    public void Links_are_refused_twice_and_relates_to_is_symmetric()
    {
        Assert.Equal(new AdrLink(3, LinkType.RelatesTo, 7), AdrLink.Canonical(7, LinkType.RelatesTo, 3));
        Assert.Equal(new AdrLink(7, LinkType.Amends, 3), AdrLink.Canonical(7, LinkType.Amends, 3));
        var current = Created() with { Links = [new AdrLink(3, LinkType.RelatesTo, 7)] };
        var error = Assert.Throws<AdrPlatformException>(() => AdrChanges.Link(current, AdrLink.Canonical(7, LinkType.RelatesTo, 3), "bob", T0));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        var unlinked = AdrChanges.Unlink(current, AdrLink.Canonical(7, LinkType.RelatesTo, 3), "bob", T0);
        Assert.Equal<AdrLink>([new AdrLink(3, LinkType.RelatesTo, 7)], unlinked.RemovedLinks);
    }

    [Fact]
    public void A_superseded_adr_keeps_its_only_supersede_link()
    {
        var current = Created() with { Status = AdrStatus.Superseded, Links = [new AdrLink(9, LinkType.Supersedes, 7)] };
        Assert.Equal(ErrorKind.FailedPrecondition, Assert.Throws<AdrPlatformException>(() =>
            AdrChanges.Unlink(current, new AdrLink(9, LinkType.Supersedes, 7), "bob", T0)).Kind);
    }
}
