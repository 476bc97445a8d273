using AdrPlatform.Events;
using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Domain.Diff;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains;

/// <summary>
/// The single writer of one ADR: created, imported or changed, every write goes through here. It reads
/// the record once on activation, keeps it in memory and writes every change through to the store; the
/// rules themselves live in <see cref="AdrChanges"/>.
/// </summary>
[OnSiloRole(SiloRoles.Worker)]
public sealed class AdrGrain(IAdrStore store, IEventPublisher events, TimeProvider clock) : Grain, IAdrGrain
{
    private string _tenant = string.Empty;
    private int _number;
    private AdrRecord? _current;

    // Links are stored apart from the record and may be changed through the other ADR's grain,
    // which then tells this one to forget them (ForgetLinksAsync).
    private ImmutableArray<AdrLink>? _links;
    private int _linksGeneration;

    /// <summary>The event of a committed change that could not be published yet.</summary>
    private AdrChanged? _unpublished;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _number = (int)this.GetPrimaryKeyLong(out var tenant);
        _tenant = tenant ?? throw new InvalidOperationException("An ADR grain key needs the tenant as key extension.");
        _current = await store.FindAsync(_tenant, _number, cancellationToken);
        _links = _current?.Links;
    }

    public Task ForgetLinksAsync()
    {
        _links = null;
        _linksGeneration++;
        return Task.CompletedTask;
    }

    public async Task<AdrRecord> CreateAsync(AdrDraft draft, string actor)
    {
        if (_current is not null)
        {
            throw AlreadyExists();
        }

        var change = AdrChanges.Create(_tenant, _number, draft, actor, clock.GetUtcNow(), AdrLimits.Default);
        return await Commit(0, change);
    }

    public async Task<AdrRecord> ImportAsync(AdrImport import, string actor)
    {
        if (_current is { } existing)
        {
            return AdrChanges.WrittenBy(existing, import, actor) ? await WithLinks(existing) : throw AlreadyExists();
        }

        return await Commit(0, AdrChanges.Import(_tenant, _number, import, actor));
    }

    public async Task<AdrRecord> AddImportedLinksAsync(ImmutableArray<AdrLink> links)
    {
        var current = await WithLinks(Required(includeDeleted: true));
        var change = AdrChanges.ImportLinks(current, links);
        return change.AddedLinks.IsEmpty ? current : await Commit(current.Version, change);
    }

    public async Task<AdrRecord> GetAsync(bool includeDeleted) => await WithLinks(Required(includeDeleted));

    public async Task<AdrRecord> UpdateAsync(AdrEdit edit, string actor)
    {
        var current = Required(includeDeleted: true);
        return await Commit(current.Version, AdrChanges.Update(current, edit, actor, clock.GetUtcNow(), AdrLimits.Default));
    }

    public async Task<AdrRecord> SetStatusAsync(StatusChange change, string actor)
    {
        var current = await WithLinks(Required(includeDeleted: true));
        foreach (var by in change.SupersededBy.IsDefault ? [] : change.SupersededBy)
        {
            await EnsureLinkable(by);
        }

        return await Commit(current.Version, AdrChanges.SetStatus(current, change, actor, clock.GetUtcNow(), AdrLimits.Default));
    }

    public async Task<AdrRecord> LinkAsync(LinkType type, bool inverse, int target, string actor)
    {
        var current = await WithLinks(Required(includeDeleted: true));
        await EnsureLinkable(target);
        var change = AdrChanges.Link(current, Canonical(type, inverse, target), actor, clock.GetUtcNow());
        return await Commit(current.Version, change);
    }

    public async Task<AdrRecord> UnlinkAsync(LinkType type, bool inverse, int target, string actor)
    {
        var current = await WithLinks(Required(includeDeleted: true));
        var change = AdrChanges.Unlink(current, Canonical(type, inverse, target), actor, clock.GetUtcNow());
        return await Commit(current.Version, change);
    }

    public async Task<AdrRecord> DeleteAsync(string actor)
    {
        var current = Required(includeDeleted: true);
        return await Commit(current.Version, AdrChanges.Delete(current, actor, clock.GetUtcNow()));
    }

    public async Task<AdrRecord> RestoreAsync(string actor)
    {
        var current = Required(includeDeleted: true);
        return await Commit(current.Version, AdrChanges.Restore(current, actor, clock.GetUtcNow()));
    }

    public async Task<ImmutableArray<AdrVersion>> ListVersionsAsync()
    {
        Required(includeDeleted: true);
        return await store.VersionsAsync(_tenant, _number, CancellationToken.None);
    }

    public async Task<AdrVersion> GetVersionAsync(int version)
    {
        Required(includeDeleted: true);
        return await Version(version);
    }

    public async Task<VersionDiff> DiffAsync(int fromVersion, int toVersion, int contextLines)
    {
        Required(includeDeleted: true);
        var from = await Version(fromVersion);
        var to = await Version(toVersion);
        var id = AdrId.Format(_number);
        return UnifiedDiff.Create(VersionText.Render(from), VersionText.Render(to), $"{id} v{from.Version}", $"{id} v{to.Version}", contextLines);
    }

    public async Task<AdrRecord> RollbackAsync(int toVersion, int expectedVersion, string actor)
    {
        var current = Required(includeDeleted: true);
        var target = await Version(toVersion);
        return await Commit(current.Version, AdrChanges.Rollback(current, target, expectedVersion, actor, clock.GetUtcNow()));
    }

    private async Task<AdrRecord> Commit(int expectedVersion, AdrChange change)
    {
        // A committed change whose event could not be published goes out before anything else is written.
        if (_unpublished is { } pending)
        {
            await PublishAsync(pending);
        }

        if (ReferenceEquals(change.Record, _current))
        {
            return await WithLinks(change.Record);
        }

        try
        {
            await store.WriteAsync(_tenant, expectedVersion, change, CancellationToken.None);
        }
        catch (StoreConflictException)
        {
            _current = await store.FindAsync(_tenant, _number, CancellationToken.None);
            _links = _current?.Links;
            throw AdrPlatformException.Precondition($"{AdrId.Format(_number)} was changed concurrently; read it again and retry.");
        }

        _current = change.Record with { Links = [] };
        if (!change.AddedLinks.IsEmpty || !change.RemovedLinks.IsEmpty)
        {
            _links = null;
            foreach (var link in change.AddedLinks.Concat(change.RemovedLinks))
            {
                await GrainFactory.GetGrain<IAdrGrain>(link.From == _number ? link.To : link.From, _tenant).ForgetLinksAsync();
            }
        }

        // On the topic before the write is acknowledged. Should publishing fail, the write is not acknowledged (the
        // caller sees the error) and its event is published again before this ADR's next write.
        await PublishAsync(new AdrChanged($"{_tenant}/{_number}@{_current.Version}", _tenant, _number, _current.Version));
        return await WithLinks(_current);
    }

    private async Task PublishAsync(AdrChanged changed)
    {
        _unpublished = changed;
        await events.PublishAsync(EventTopics.AdrChanged, _tenant, changed);
        _unpublished = null;
    }

    private AdrPlatformException AlreadyExists() => new(ErrorKind.AlreadyExists, $"{AdrId.Format(_number)} already exists.");

    private AdrRecord Required(bool includeDeleted)
    {
        var current = _current;
        if (current is null || (current.IsDeleted && !includeDeleted))
        {
            throw AdrPlatformException.NotFound($"{AdrId.Format(_number)} does not exist.");
        }

        return current;
    }

    private async Task<AdrRecord> WithLinks(AdrRecord record)
    {
        if (_links is { } cached)
        {
            return record with { Links = cached };
        }

        // A forget that arrives while loading means the loaded links may predate that change: do not keep them.
        var generation = _linksGeneration;
        var links = await store.LinksAsync(_tenant, _number, CancellationToken.None);
        if (generation == _linksGeneration)
        {
            _links = links;
        }

        return record with { Links = links };
    }

    private async Task<AdrVersion> Version(int version) =>
        await store.FindVersionAsync(_tenant, _number, version, CancellationToken.None)
        ?? throw AdrPlatformException.NotFound($"{AdrId.Format(_number)} has no version {version}.");

    private async Task EnsureLinkable(int target)
    {
        var other = await store.FindAsync(_tenant, target, CancellationToken.None);
        if (other is null || other.IsDeleted)
        {
            throw AdrPlatformException.NotFound($"{AdrId.Format(target)} does not exist.");
        }
    }

    private AdrLink Canonical(LinkType type, bool inverse, int target) =>
        inverse ? AdrLink.Canonical(target, type, _number) : AdrLink.Canonical(_number, type, target);
}
