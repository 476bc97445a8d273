using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Model;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>
/// What every <see cref="IAdrStore"/> adapter must do. Each adapter's test class derives from this
/// and supplies the store; the same tests run against all of them.
/// </summary>
public abstract class AdrStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    protected abstract IAdrStore Store { get; }

    private static string NewTenant() => "c" + Guid.NewGuid().ToString("N")[..12];

    private static AdrChange Created(string tenant, int number, string title = "Use PostgreSQL", string[]? tags = null, string body = "We need a database.") =>
        AdrChanges.Create(tenant, number, new AdrDraft(title, AdrTemplate.Madr, body, ImmutableDictionary<string, string>.Empty, [.. tags ?? ["data"]], ["alice"], new DateOnly(2026, 3, 4)), "alice", T0, AdrLimits.Default);

    [Fact]
    public async Task A_written_adr_reads_back_whole_with_its_first_version()
    {
        var tenant = NewTenant();
        var change = Created(tenant, 7);
        await Store.WriteAsync(tenant, 0, change, default);

        var found = await Store.FindAsync(tenant, 7, default);
        Assert.NotNull(found);
        Assert.True(found.Content.SameAs(change.Record.Content));
        Assert.Equal((change.Record.Status, change.Record.Version, change.Record.CreatedBy), (found.Status, found.Version, found.CreatedBy));
        Assert.Equal(change.Record.CreatedAt, found.CreatedAt);
        Assert.Null(found.DeletedAt);
        var versions = await Store.VersionsAsync(tenant, 7, default);
        Assert.Equal(change.NewVersion, Assert.Single(versions) with { Content = change.NewVersion!.Content });
        Assert.True(versions[0].Content.SameAs(change.NewVersion.Content));
        Assert.Null(await Store.FindAsync(tenant, 8, default));
        Assert.Equal(7, await Store.MaxNumberAsync(tenant, default));
    }

    [Fact]
    public async Task A_write_from_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var tenant = NewTenant();
        var created = Created(tenant, 1);
        await Store.WriteAsync(tenant, 0, created, default);
        var update = AdrChanges.Update(created.Record, new AdrEdit(1, "Second", null, null, null, null, false), "bob", T0, AdrLimits.Default);
        await Store.WriteAsync(tenant, 1, update, default);

        var lost = AdrChanges.Update(created.Record, new AdrEdit(1, "Lost", null, null, null, null, false), "carol", T0, AdrLimits.Default);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.WriteAsync(tenant, 1, lost, default));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.WriteAsync(tenant, 0, Created(tenant, 1, "Duplicate"), default));

        Assert.Equal("Second", (await Store.FindAsync(tenant, 1, default))!.Content.Title);
        Assert.Equal([1, 2], (await Store.VersionsAsync(tenant, 1, default)).Select(v => v.Version));
        Assert.Equal("Second", (await Store.FindVersionAsync(tenant, 1, 2, default))!.Content.Title);
        Assert.Null(await Store.FindVersionAsync(tenant, 1, 3, default));
    }

    [Fact]
    public async Task Links_are_stored_once_and_seen_from_both_sides()
    {
        var tenant = NewTenant();
        await Store.WriteAsync(tenant, 0, Created(tenant, 1), default);
        await Store.WriteAsync(tenant, 0, Created(tenant, 2), default);
        var one = (await Store.FindAsync(tenant, 1, default))!;
        var link = new AdrLink(2, LinkType.Supersedes, 1);
        await Store.WriteAsync(tenant, 1, AdrChanges.Link(one, link, "bob", T0), default);

        Assert.Equal<AdrLink>([link], await Store.LinksAsync(tenant, 1, default));
        Assert.Equal<AdrLink>([link], (await Store.FindAsync(tenant, 2, default))!.Links);

        var withLink = (await Store.FindAsync(tenant, 1, default))!;
        await Store.WriteAsync(tenant, 1, AdrChanges.Unlink(withLink, link, "bob", T0), default);
        Assert.Empty(await Store.LinksAsync(tenant, 2, default));
    }

    [Fact]
    public async Task Taken_numbers_are_those_holding_an_adr_deleted_or_not()
    {
        var tenant = NewTenant();
        await Store.WriteAsync(tenant, 0, Created(tenant, 5), default);
        var nine = Created(tenant, 9);
        await Store.WriteAsync(tenant, 0, nine, default);
        await Store.WriteAsync(tenant, 1, AdrChanges.Delete(nine.Record, "bob", T0), default);

        Assert.Equal<int>([5, 9], await Store.TakenNumbersAsync(tenant, [9, 4, 5, 6, 5], default));
        Assert.Empty(await Store.TakenNumbersAsync(tenant, [1, 2, 3], default));
        Assert.Empty(await Store.TakenNumbersAsync(NewTenant(), [5, 9], default));
    }

    [Fact]
    public async Task Lists_filter_and_page_newest_first()
    {
        var tenant = NewTenant();
        for (var i = 1; i <= 6; i++)
        {
            await Store.WriteAsync(tenant, 0, Created(tenant, i, $"Decision {i}", [i % 2 == 0 ? "even" : "odd", "all"], i == 3 ? "Mentions Kafka here" : "plain"), default);
        }

        var deleted = AdrChanges.Delete((await Store.FindAsync(tenant, 6, default))!, "bob", T0);
        await Store.WriteAsync(tenant, 1, deleted, default);

        var first = await Store.ListAsync(tenant, Query(pageSize: 2), default);
        Assert.Equal([5, 4], first.Items.Select(r => r.Number));
        var second = await Store.ListAsync(tenant, Query(pageSize: 2, before: first.NextBeforeNumber), default);
        Assert.Equal([3, 2], second.Items.Select(r => r.Number));
        var last = await Store.ListAsync(tenant, Query(pageSize: 2, before: second.NextBeforeNumber), default);
        Assert.Equal([1], last.Items.Select(r => r.Number));
        Assert.Null(last.NextBeforeNumber);

        Assert.Equal([6, 5, 4, 3, 2, 1], (await Store.ListAsync(tenant, Query(includeDeleted: true), default)).Items.Select(r => r.Number));
        Assert.Equal([4, 2], (await Store.ListAsync(tenant, Query(tags: ["even", "all"]), default)).Items.Select(r => r.Number));
        Assert.Equal([3], (await Store.ListAsync(tenant, Query(text: "KAFKA"), default)).Items.Select(r => r.Number));
        Assert.Equal(5, (await Store.ListAsync(tenant, Query(author: "ALICE"), default)).Items.Length);
        Assert.Empty((await Store.ListAsync(tenant, Query(author: "mallory"), default)).Items);
        Assert.Empty((await Store.ListAsync(tenant, Query(statuses: [AdrStatus.Accepted]), default)).Items);
        Assert.Equal(5, (await Store.ListAsync(tenant, Query(statuses: [AdrStatus.Proposed]), default)).Items.Length);
    }

    [Fact]
    public async Task Tenants_see_only_their_own_adrs()
    {
        var mine = NewTenant();
        var theirs = NewTenant();
        await Store.WriteAsync(mine, 0, Created(mine, 1, "Secret"), default);

        Assert.Null(await Store.FindAsync(theirs, 1, default));
        Assert.Empty((await Store.ListAsync(theirs, Query(), default)).Items);
        Assert.Empty(await Store.VersionsAsync(theirs, 1, default));
        Assert.Equal(0, await Store.MaxNumberAsync(theirs, default));
        await Store.WriteAsync(theirs, 0, Created(theirs, 1, "Theirs"), default);
        Assert.Equal("Secret", (await Store.FindAsync(mine, 1, default))!.Content.Title);
    }

    [Theory]
    [InlineData("'; drop table adrs; --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("\" or 1=1 --")]
    [InlineData("ünïcödé 漢字 🚀")]
    public async Task Hostile_text_is_stored_verbatim_and_matched_literally(string text)
    {
        var tenant = NewTenant();
        await Store.WriteAsync(tenant, 0, Created(tenant, 1, "Title " + text, ["t:" + text.Length], "Body " + text), default);
        await Store.WriteAsync(tenant, 0, Created(tenant, 2, "Plain", ["plain"], "nothing special"), default);

        Assert.Equal("Title " + text, (await Store.FindAsync(tenant, 1, default))!.Content.Title);
        Assert.Equal([1], (await Store.ListAsync(tenant, Query(text: text), default)).Items.Select(r => r.Number));
        Assert.Empty((await Store.ListAsync(tenant, Query(tags: [text]), default)).Items);
        Assert.Empty((await Store.ListAsync(tenant, Query(author: text), default)).Items);
        Assert.Equal(2, await Store.MaxNumberAsync(tenant, default));
    }

    private static AdrQuery Query(
        int pageSize = 50, int? before = null, AdrStatus[]? statuses = null, string[]? tags = null, string? author = null, string? text = null, bool includeDeleted = false) =>
        new(pageSize, before, [.. statuses ?? []], [.. tags ?? []], author, text, includeDeleted);
}
