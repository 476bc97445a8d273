using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Domain.Markdown;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Ports;

namespace AdrPlatform.Grains;

/// <summary>
/// One tenant. Owns the ADR number sequence, so numbers are unique without locks. A number is taken
/// synchronously at the start of a call, so creations interleave freely (each then waits only for its
/// own ADR grain); the sequence is persisted when imports move it, and on activation it never goes
/// below the store's highest number, the truth about which numbers are taken.
/// </summary>
public sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Tenants)] IPersistentState<TenantState> state,
    IAdrStore store,
    TimeProvider clock) : Grain, ITenantGrain
{
    private const int MaxProblemsReported = 20;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The store is the truth about which numbers are taken; the sequence never goes below it.
        var highest = await store.MaxNumberAsync(this.GetPrimaryKeyString(), cancellationToken);
        state.State.NextAdrNumber = Math.Max(state.State.NextAdrNumber, highest + 1);
    }

    public async Task<AdrRecord> CreateAdrAsync(AdrDraft draft, string actor)
    {
        var tenant = this.GetPrimaryKeyString();
        // Validate before a number is taken, so bad input leaves no gap in the sequence.
        AdrChanges.Create(tenant, state.State.NextAdrNumber, draft, actor, clock.GetUtcNow(), AdrLimits.Default);
        var number = state.State.NextAdrNumber;
        if (number > AdrId.MaxNumber)
        {
            throw new AdrPlatformException(ErrorKind.ResourceExhausted, $"The tenant has reached the maximum of {AdrId.MaxNumber} ADRs.");
        }

        state.State.NextAdrNumber = number + 1;
        return await GrainFactory.GetGrain<IAdrGrain>(number, tenant).CreateAsync(draft, actor);
    }

    public async Task<ImportResult> ImportMarkdownAsync(ImmutableArray<MarkdownUpload> files, string actor)
    {
        var tenant = this.GetPrimaryKeyString();
        var plan = AdrMarkdownImporter.Plan([.. files.Select(f => new MarkdownFile(f.Path, f.Content))], ImportLimits.Default);
        if (plan.Problems.Count > 0)
        {
            throw ImportRefused(plan.Problems);
        }

        if (plan.Adrs.Count == 0)
        {
            throw AdrPlatformException.Invalid("The upload holds no ADR files; nothing was imported.");
        }

        var now = clock.GetUtcNow();
        var changes = plan.Adrs.Select(adr => Imported(tenant, adr, plan.Links, actor, now)).ToList();

        // Move the sequence past the imported numbers before awaiting, so interleaved creations skip them.
        var before = state.State.NextAdrNumber;
        var after = Math.Max(before, plan.Adrs.Max(a => a.Number) + 1);
        state.State.NextAdrNumber = after;
        try
        {
            await store.InsertManyAsync(tenant, changes, CancellationToken.None);
        }
        catch (StoreConflictException conflict)
        {
            if (state.State.NextAdrNumber == after)
            {
                state.State.NextAdrNumber = before;
            }

            throw new AdrPlatformException(ErrorKind.AlreadyExists, $"Nothing was imported: {conflict.Message}");
        }

        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAdrIndexerGrain>(tenant).ReindexAsync([.. plan.Adrs.Select(a => a.Number)]);

        return new ImportResult(
            [.. plan.Adrs.Select(a => new ImportedAdrSummary(a.Number, a.Content.Title, a.SourcePath))],
            [.. plan.Skipped.Select(s => new SkippedUpload(s.Path, s.Reason))],
            plan.Links.Count,
            [.. plan.Warnings.Select(w => new SkippedUpload(w.Path, w.Message))]);
    }

    private static AdrChange Imported(string tenant, ImportedAdr adr, IReadOnlyList<AdrLink> links, string actor, DateTimeOffset now)
    {
        var record = new AdrRecord(
            tenant, adr.Number, adr.Content, adr.Status, adr.StatusNote, Version: 1,
            CreatedAt: now, CreatedBy: actor, UpdatedAt: now, UpdatedBy: actor, DeletedAt: null, Links: []);
        var version = AdrChanges.VersionOf(record, ChangeKind.Imported, $"Imported from {adr.SourcePath}.");
        return new AdrChange(record, version, [.. links.Where(l => l.From == adr.Number)], []);
    }

    private static AdrPlatformException ImportRefused(IReadOnlyList<ImportProblem> problems)
    {
        var listed = problems.Take(MaxProblemsReported).Select(p => $"{p.Path}: {p.Message}");
        var more = problems.Count > MaxProblemsReported ? $" (and {problems.Count - MaxProblemsReported} more)" : string.Empty;
        return AdrPlatformException.Invalid($"Nothing was imported; {problems.Count} problem(s){more}: {string.Join("; ", listed)}");
    }
}
