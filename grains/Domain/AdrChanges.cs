using System.Collections.Immutable;
using AdrPlatform.Errors;
using AdrPlatform.Model;

namespace AdrPlatform.Domain;

/// <summary>
/// The rules of one ADR's life, as pure functions from the current record and a command to the
/// next record and history entry. The caller supplies the time and persists the result.
/// </summary>
public static class AdrChanges
{
    public static AdrChange Create(string tenant, int number, AdrDraft draft, string actor, DateTimeOffset now, AdrLimits limits)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var body = string.IsNullOrWhiteSpace(draft.Body)
            ? AdrTemplates.Body(draft.Template, draft.Sections)
            : draft.Body;
        if (!string.IsNullOrWhiteSpace(draft.Body) && !draft.Sections.IsEmpty)
        {
            throw AdrPlatformException.Invalid("Give either a body or template sections, not both.");
        }

        if (draft.Sections.Count > limits.MaxSectionCount)
        {
            throw AdrPlatformException.Invalid($"{draft.Sections.Count} sections given; at most {limits.MaxSectionCount} are allowed.");
        }

        var content = AdrContentRules.Content(draft.Title, body, draft.Tags, draft.Deciders, draft.DecisionDate, limits);
        var record = new AdrRecord(
            tenant, number, content, AdrStatus.Proposed, StatusNote: null, Version: 1,
            CreatedAt: now, CreatedBy: actor, UpdatedAt: now, UpdatedBy: actor, DeletedAt: null, Links: []);
        return new AdrChange(record, VersionOf(record, ChangeKind.Created, note: null));
    }

    /// <summary>Version 1 of an imported ADR; the importer has checked its content against the import limits.</summary>
    public static AdrChange Import(string tenant, int number, AdrImport import, string actor)
    {
        ArgumentNullException.ThrowIfNull(import);
        var record = new AdrRecord(
            tenant, number, import.Content, import.Status, import.StatusNote, Version: 1,
            CreatedAt: import.At, CreatedBy: actor, UpdatedAt: import.At, UpdatedBy: actor, DeletedAt: null, Links: []);
        return new AdrChange(record, VersionOf(record, ChangeKind.Imported, $"Imported from {import.SourcePath}."));
    }

    /// <summary>Whether <paramref name="existing"/> is the ADR that <paramref name="import"/> wrote: an earlier attempt of the same import.</summary>
    public static bool WrittenBy(AdrRecord existing, AdrImport import, string actor)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(import);
        return existing.CreatedAt == import.At && existing.CreatedBy == actor;
    }

    /// <summary>Adds links an import found; the record and its history do not change, and links it already has are skipped.</summary>
    public static AdrChange ImportLinks(AdrRecord current, IEnumerable<AdrLink> links)
    {
        ArgumentNullException.ThrowIfNull(current);
        ImmutableArray<AdrLink> added = [.. links.Distinct().Where(l => !current.Links.Contains(l))];
        foreach (var link in added)
        {
            EnsureInvolves(current, link);
        }

        return added.IsEmpty
            ? new AdrChange(current, null)
            : new AdrChange(current with { Links = current.Links.AddRange(added) }, null, added, []);
    }

    public static AdrChange Update(AdrRecord current, AdrEdit edit, string actor, DateTimeOffset now, AdrLimits limits)
    {
        ArgumentNullException.ThrowIfNull(edit);
        EnsureWritable(current);
        EnsureVersion(current, edit.ExpectedVersion, required: true);
        var old = current.Content;
        var content = new AdrContent(
            edit.Title is null ? old.Title : AdrContentRules.Title(edit.Title, limits),
            edit.Body is null ? old.Body : AdrContentRules.Body(edit.Body, limits),
            edit.Tags is { } tags ? AdrContentRules.Tags(tags, limits) : old.Tags,
            edit.Deciders is { } deciders ? AdrContentRules.Deciders(deciders, limits) : old.Deciders,
            edit.ClearDecisionDate ? null : edit.DecisionDate ?? old.DecisionDate);
        if (content.SameAs(old))
        {
            return new AdrChange(current, null);
        }

        return NextVersion(current with { Content = content }, ChangeKind.Updated, actor, now, note: null);
    }

    /// <summary>Changes the status; a supersede must name the superseding ADRs, which the caller has checked exist.</summary>
    public static AdrChange SetStatus(AdrRecord current, StatusChange change, string actor, DateTimeOffset now, AdrLimits limits)
    {
        ArgumentNullException.ThrowIfNull(change);
        EnsureWritable(current);
        EnsureVersion(current, change.ExpectedVersion, required: false);
        AdrLifecycle.EnsureAllowed(current.Status, change.Status);
        var supersededBy = change.SupersededBy.IsDefault ? [] : change.SupersededBy;
        if (change.Status == AdrStatus.Superseded && supersededBy.IsEmpty)
        {
            throw AdrPlatformException.Invalid("Superseding an ADR must name the ADR(s) that supersede it (superseded_by).");
        }

        if (change.Status != AdrStatus.Superseded && !supersededBy.IsEmpty)
        {
            throw AdrPlatformException.Invalid("superseded_by is only allowed when the new status is superseded.");
        }

        if (supersededBy.Contains(current.Number))
        {
            throw AdrPlatformException.Invalid("An ADR cannot supersede itself.");
        }

        var note = AdrContentRules.Note(change.Note, limits);
        ImmutableArray<AdrLink> added = [.. supersededBy.Distinct()
            .Select(by => new AdrLink(by, LinkType.Supersedes, current.Number))
            .Where(l => !current.Links.Contains(l))];
        var next = current with { Status = change.Status, StatusNote = null, Links = current.Links.AddRange(added) };
        return NextVersion(next, ChangeKind.StatusChanged, actor, now, note) with { AddedLinks = added };
    }

    public static AdrChange Rollback(AdrRecord current, AdrVersion target, int expectedVersion, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureWritable(current);
        EnsureVersion(current, expectedVersion, required: true);
        if (target.Version == current.Version)
        {
            throw AdrPlatformException.Precondition($"Version {target.Version} is already the current version.");
        }

        return NextVersion(current with { Content = target.Content }, ChangeKind.RolledBack, actor, now, $"Rolled back to version {target.Version}.");
    }

    public static AdrChange Delete(AdrRecord current, string actor, DateTimeOffset now)
    {
        if (current.IsDeleted)
        {
            throw AdrPlatformException.Precondition($"{AdrId.Format(current.Number)} is already deleted.");
        }

        return new AdrChange(current with { DeletedAt = now, UpdatedAt = now, UpdatedBy = actor }, null);
    }

    public static AdrChange Restore(AdrRecord current, string actor, DateTimeOffset now)
    {
        if (!current.IsDeleted)
        {
            throw AdrPlatformException.Precondition($"{AdrId.Format(current.Number)} is not deleted.");
        }

        return new AdrChange(current with { DeletedAt = null, UpdatedAt = now, UpdatedBy = actor }, null);
    }

    /// <summary>Adds a link given in canonical direction (<see cref="AdrLink.Canonical"/>); linking an ADR to itself or twice is refused.</summary>
    public static AdrChange Link(AdrRecord current, AdrLink link, string actor, DateTimeOffset now)
    {
        EnsureWritable(current);
        EnsureInvolves(current, link);
        if (link.From == link.To)
        {
            throw AdrPlatformException.Invalid("An ADR cannot be linked to itself.");
        }

        if (current.Links.Contains(link))
        {
            throw new AdrPlatformException(ErrorKind.AlreadyExists, "That link already exists.");
        }

        return new AdrChange(current with { Links = current.Links.Add(link), UpdatedAt = now, UpdatedBy = actor }, null, [link], []);
    }

    public static AdrChange Unlink(AdrRecord current, AdrLink link, string actor, DateTimeOffset now)
    {
        EnsureWritable(current);
        EnsureInvolves(current, link);
        var existing = current.Links.FirstOrDefault(l => l == link);
        if (existing is null)
        {
            throw AdrPlatformException.NotFound("That link does not exist.");
        }

        if (existing.Type == LinkType.Supersedes && existing.To == current.Number && current.Status == AdrStatus.Superseded
            && current.Links.Count(l => l.Type == LinkType.Supersedes && l.To == current.Number) == 1)
        {
            throw AdrPlatformException.Precondition("This is the only link to the ADR that supersedes this one; a superseded ADR keeps it.");
        }

        return new AdrChange(current with { Links = current.Links.Remove(existing), UpdatedAt = now, UpdatedBy = actor }, null, [], [existing]);
    }

    public static void EnsureVersion(AdrRecord current, int expectedVersion, bool required)
    {
        if (expectedVersion == 0 && !required)
        {
            return;
        }

        if (expectedVersion <= 0)
        {
            throw AdrPlatformException.Invalid("expected_version is required: the version your change is based on.");
        }

        if (expectedVersion != current.Version)
        {
            throw AdrPlatformException.Precondition(
                $"{AdrId.Format(current.Number)} is at version {current.Version}, not {expectedVersion}: someone changed it since you read it. Read it again and reapply your change.");
        }
    }

    public static AdrVersion VersionOf(AdrRecord record, ChangeKind change, string? note) =>
        new(record.Number, record.Version, record.Content, record.Status, record.StatusNote, change, record.UpdatedBy, record.UpdatedAt, note);

    private static AdrChange NextVersion(AdrRecord next, ChangeKind change, string actor, DateTimeOffset now, string? note)
    {
        var record = next with { Version = next.Version + 1, UpdatedAt = now, UpdatedBy = actor };
        return new AdrChange(record, VersionOf(record, change, note));
    }

    private static void EnsureWritable(AdrRecord current)
    {
        if (current.IsDeleted)
        {
            throw AdrPlatformException.Precondition($"{AdrId.Format(current.Number)} is deleted; restore it before changing it.");
        }
    }

    private static void EnsureInvolves(AdrRecord current, AdrLink link)
    {
        if (link.From != current.Number && link.To != current.Number)
        {
            throw new InvalidOperationException("A link must involve the ADR it is written through.");
        }
    }
}
