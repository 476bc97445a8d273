using AdrPlatform.Events;
using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Domain.Markdown;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Domain.Quotas;
using AdrPlatform.Grains.Chat;
using AdrPlatform.Observability;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Grains;

/// <summary>
/// One tenant. Owns the ADR number sequence, so numbers are unique without locks. A number is taken
/// synchronously at the start of a call, so creations interleave freely (each then waits only for its
/// own ADR grain); the sequence is persisted when imports move it, and on activation it never goes
/// below the store's highest number, the truth about which numbers are taken.
/// </summary>
public sealed partial class TenantGrain(
    [PersistentState("tenant", StorageNames.Tenants)] IPersistentState<TenantState> state,
    IAdrStore store,
    IEventPublisher events,
    IOptions<ChatSessionOptions> chat,
    TimeProvider clock,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    private const int MaxProblemsReported = 20;
    private const int MaxPathEchoed = 120;
    private const int MaxProblemEchoed = 400;
    private GroupCommit? _commit;

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

        await Persist();
        foreach (var adr in plan.Adrs)
        {
            await events.PublishAsync(EventTopics.AdrChanged, tenant, new AdrChanged($"{tenant}/{adr.Number}@import", tenant, adr.Number, 1));
        }

        return new ImportResult(
            [.. plan.Adrs.Select(a => new ImportedAdrSummary(a.Number, a.Content.Title, a.SourcePath))],
            [.. plan.Skipped.Select(s => new SkippedUpload(s.Path, s.Reason))],
            plan.Links.Count,
            [.. plan.Warnings.Select(w => new SkippedUpload(w.Path, w.Message))]);
    }

    public async Task ReserveChatAsync(
        string user, string reservationId, int promptTokens, int maxOutputTokens, decimal inputPricePerMillionTokens, decimal outputPricePerMillionTokens)
    {
        var quotas = state.State.Quotas;
        Accounting.Reserve(
            state.State.Ledger, user, reservationId, promptTokens, maxOutputTokens, new ModelPrice(inputPricePerMillionTokens, outputPricePerMillionTokens),
            new UserQuotas(quotas.RequestsPerMinute, quotas.ConcurrentStreams, quotas.TokensPerDay),
            Budget(), clock.GetUtcNow(), chat.Value.ReservationLifetime);
        await Persist();
    }

    /// <summary>Bursts of reservations share a few writes (see <see cref="GroupCommit"/>).</summary>
    private Task Persist() => (_commit ??= new GroupCommit(state.WriteStateAsync, chat.Value.LedgerWriteSpacing, clock)).PersistAsync();

    public async Task<bool> RenewChatAsync(string reservationId)
    {
        var renewed = Accounting.Renew(state.State.Ledger, reservationId, clock.GetUtcNow(), chat.Value.ReservationLifetime);
        await Persist();
        return renewed;
    }

    public async Task<decimal> SettleChatAsync(string reservationId, int promptTokens, int completionTokens)
    {
        var settlement = Accounting.Settle(state.State.Ledger, reservationId, promptTokens, completionTokens, Budget(), clock.GetUtcNow());
        await Persist();
        var feed = GrainFactory.GetGrain<IAlertFeedGrain>(this.GetPrimaryKeyString());
        var spent = state.State.Ledger.SpentUsd;
        var budget = state.State.Quotas.MonthlyBudgetUsd;
        foreach (var percent in settlement.NewAlerts)
        {
            LogBudgetAlert(logger, this.GetPrimaryKeyString(), percent);
            PlatformTelemetry.BudgetAlerts.Add(1, new("tenant", this.GetPrimaryKeyString()), new("percent", percent));
            await feed.PublishAsync(new BudgetAlert(percent, spent, budget, KillSwitch: false, clock.GetUtcNow()));
        }

        if (settlement.KillSwitchTripped)
        {
            LogKillSwitch(logger, this.GetPrimaryKeyString());
            await feed.PublishAsync(new BudgetAlert(TenantBudget.KillSwitchPercentage, spent, budget, KillSwitch: true, clock.GetUtcNow()));
        }

        return settlement.Cost;
    }

    public async Task<TenantUsageView> GetUsageAsync()
    {
        // A stream whose silo died never settles: its reservation is released once it expires.
        if (Accounting.ExpireReservations(state.State.Ledger, clock.GetUtcNow()) > 0)
        {
            await Persist();
        }

        var usage = Accounting.Usage(state.State.Ledger, Budget(), clock.GetUtcNow());
        return new TenantUsageView(
            [.. usage.Users.Select(u => new UserUsageView(u.User, u.RequestsLastMinute, u.TokensToday, u.TokensReserved, u.ActiveStreams))],
            usage.SpentUsd, usage.ReservedUsd, usage.BudgetUsd, usage.AlertsRaised, usage.KillSwitchTripped, state.State.Quotas);
    }

    public async Task SetUserQuotasAsync(int requestsPerMinute, int concurrentStreams, long tokensPerDay)
    {
        if (requestsPerMinute is < 1 or > 100_000 || concurrentStreams is < 1 or > 10_000 || tokensPerDay is < 1 or > 10_000_000_000)
        {
            throw AdrPlatformException.Invalid("Quotas must be positive: requests per minute up to 100,000, concurrent streams up to 10,000, tokens per day up to 10 billion.");
        }

        state.State.Quotas = state.State.Quotas with { RequestsPerMinute = requestsPerMinute, ConcurrentStreams = concurrentStreams, TokensPerDay = tokensPerDay };
        await Persist();
    }

    public async Task SetBudgetAsync(decimal monthlyUsd)
    {
        if (monthlyUsd < 0)
        {
            throw AdrPlatformException.Invalid("The monthly budget must not be negative.");
        }

        state.State.Quotas = state.State.Quotas with { MonthlyBudgetUsd = monthlyUsd };
        await Persist();
    }

    public async Task<bool> ResetKillSwitchAsync()
    {
        var wasTripped = Accounting.ResetKillSwitch(state.State.Ledger, clock.GetUtcNow());
        await Persist();
        return wasTripped;
    }

    private TenantBudget Budget() => new(state.State.Quotas.MonthlyBudgetUsd);

    private static AdrChange Imported(string tenant, ImportedAdr adr, IReadOnlyList<AdrLink> links, string actor, DateTimeOffset now)
    {
        var record = new AdrRecord(
            tenant, adr.Number, adr.Content, adr.Status, adr.StatusNote, Version: 1,
            CreatedAt: now, CreatedBy: actor, UpdatedAt: now, UpdatedBy: actor, DeletedAt: null, Links: []);
        var version = AdrChanges.VersionOf(record, ChangeKind.Imported, $"Imported from {adr.SourcePath}.");
        return new AdrChange(record, version, [.. links.Where(l => l.From == adr.Number)], []);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant} has spent {Percent} % of its monthly budget")]
    private static partial void LogBudgetAlert(ILogger logger, string tenant, int percent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant} reached the kill switch: new chat requests are refused until an admin resets it")]
    private static partial void LogKillSwitch(ILogger logger, string tenant);

    private static AdrPlatformException ImportRefused(IReadOnlyList<ImportProblem> problems)
    {
        var listed = problems.Take(MaxProblemsReported).Select(p => $"{LogText.Escape(p.Path, MaxPathEchoed)}: {LogText.Escape(p.Message, MaxProblemEchoed)}");
        var more = problems.Count > MaxProblemsReported ? $" (and {problems.Count - MaxProblemsReported} more)" : string.Empty;
        return AdrPlatformException.Invalid($"Nothing was imported; {problems.Count} problem(s){more}: {string.Join("; ", listed)}");
    }
}
