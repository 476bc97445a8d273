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
using AdrPlatform.Placement;

namespace AdrPlatform.Grains;

/// <summary>
/// One tenant. Hands out ADR numbers, so numbers are unique without locks, and runs markdown imports. The ADRs
/// themselves are the one truth about which numbers are taken: the next number lives in memory only, read from
/// the store's highest number on activation and moved on as numbers are handed out. A number is taken
/// synchronously at the start of a call, so creations interleave freely (each then waits only for its own ADR
/// grain). Imports keep the numbers of their files and write each ADR through its grain.
/// </summary>
[OnSiloRole(SiloRoles.Worker)]
public sealed partial class TenantGrain(
    [PersistentState("tenant", StorageNames.Tenants)] IPersistentState<TenantState> state,
    IAdrStore store,
    IOptions<ChatSessionOptions> chat,
    TimeProvider clock,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    private const int MaxProblemsReported = 20;
    private const int MaxPathEchoed = 120;
    private const int MaxProblemEchoed = 400;
    private readonly HashSet<int> _creating = [];
    private int _nextNumber;
    private GroupCommit? _commit;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var highest = await store.MaxNumberAsync(this.GetPrimaryKeyString(), cancellationToken);
        _nextNumber = Math.Max(highest, state.State.Import?.HighestNumber ?? 0) + 1;
    }

    public async Task<AdrRecord> CreateAdrAsync(AdrDraft draft, string actor)
    {
        var tenant = this.GetPrimaryKeyString();
        // Validate before a number is taken, so bad input leaves no gap in the sequence.
        AdrChanges.Create(tenant, _nextNumber, draft, actor, clock.GetUtcNow(), AdrLimits.Default);
        while (true)
        {
            var number = TakeNumber();
            _creating.Add(number);
            try
            {
                return await GrainFactory.GetGrain<IAdrGrain>(number, tenant).CreateAsync(draft, actor);
            }
            catch (AdrPlatformException taken) when (taken.Kind == ErrorKind.AlreadyExists)
            {
                // Written after this activation read the store, by a creation its previous activation had under way.
                LogNumberTaken(logger, tenant, number);
            }
            finally
            {
                _creating.Remove(number);
            }
        }
    }

    public async Task<ImportResult> ImportMarkdownAsync(ImmutableArray<MarkdownUpload> files, string actor)
    {
        var tenant = this.GetPrimaryKeyString();
        List<MarkdownFile> upload = [.. files.Select(f => new MarkdownFile(f.Path, f.Content))];
        var plan = AdrMarkdownImporter.Plan(upload, ImportLimits.Default);
        if (plan.Problems.Count > 0)
        {
            throw ImportRefused(plan.Problems);
        }

        if (plan.Adrs.Count == 0)
        {
            throw AdrPlatformException.Invalid("The upload holds no ADR files; nothing was imported.");
        }

        var import = await BeginImport(tenant, plan, ImportFingerprint.Of(upload, actor));
        await ImportWrites.WriteAsync(GrainFactory, tenant, plan, import.At, actor);
        state.State.Import = null;
        await Persist();
        return new ImportResult(
            [.. plan.Adrs.Select(a => new ImportedAdrSummary(a.Number, a.Content.Title, a.SourcePath))],
            [.. plan.Skipped.Select(s => new SkippedUpload(s.Path, s.Reason))],
            plan.Links.Count,
            [.. plan.Warnings.Select(w => new SkippedUpload(w.Path, w.Message))]);
    }

    /// <summary>
    /// Resumes the import when this is the retry of one that failed midway. Otherwise checks that its numbers are free
    /// and records it before its first write, so that a retry after a crash finds its numbers still kept for it.
    /// </summary>
    private async Task<PendingImport> BeginImport(string tenant, ImportPlan plan, string fingerprint)
    {
        if (state.State.Import is { } pending)
        {
            if (pending.Fingerprint == fingerprint)
            {
                return pending;
            }

            LogImportAbandoned(logger, tenant, pending.At);
        }

        var highest = plan.Adrs[^1].Number;
        // Move the sequence past the imported numbers before awaiting, so interleaved creations skip them.
        var before = _nextNumber;
        var after = _nextNumber = Math.Max(before, highest + 1);
        List<int> numbers = [.. plan.Adrs.Select(a => a.Number)];
        List<int> taken = [.. (await store.TakenNumbersAsync(tenant, numbers, CancellationToken.None)).Union(numbers.Where(_creating.Contains)).Order()];
        if (taken.Count > 0)
        {
            if (_nextNumber == after)
            {
                _nextNumber = before;
            }

            throw new AdrPlatformException(
                ErrorKind.AlreadyExists, $"Nothing was imported: ADR numbers already in use: {string.Join(", ", taken.Select(AdrId.Format))}.");
        }

        var started = PendingImport.Start(fingerprint, highest, clock.GetUtcNow());
        state.State.Import = started;
        await Persist();
        return started;
    }

    private int TakeNumber()
    {
        var number = _nextNumber;
        if (number > AdrId.MaxNumber)
        {
            throw new AdrPlatformException(ErrorKind.ResourceExhausted, $"The tenant has reached the maximum of {AdrId.MaxNumber} ADRs.");
        }

        _nextNumber = number + 1;
        return number;
    }

    public async Task ReserveChatAsync(
        string user, string reservationId, int promptTokens, int maxOutputTokens, decimal inputPricePerMillionTokens, decimal outputPricePerMillionTokens,
        CancellationToken cancellationToken)
    {
        // The caller may have given up while this request travelled; its settlement may then already have come and gone.
        cancellationToken.ThrowIfCancellationRequested();
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
        if (budget > 0)
        {
            PlatformTelemetry.BudgetUsed.Record((double)(spent / budget), new KeyValuePair<string, object?>("tenant", this.GetPrimaryKeyString()));
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant} has spent {Percent} % of its monthly budget")]
    private static partial void LogBudgetAlert(ILogger logger, string tenant, int percent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: ADR number {Number} was taken behind the sequence; the creation takes the next one")]
    private static partial void LogNumberTaken(ILogger logger, string tenant, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: the import begun at {At} failed midway and was not retried; the ADRs it wrote stay")]
    private static partial void LogImportAbandoned(ILogger logger, string tenant, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant} reached the kill switch: new chat requests are refused until an admin resets it")]
    private static partial void LogKillSwitch(ILogger logger, string tenant);

    private static AdrPlatformException ImportRefused(IReadOnlyList<ImportProblem> problems)
    {
        var listed = problems.Take(MaxProblemsReported).Select(p => $"{LogText.Escape(p.Path, MaxPathEchoed)}: {LogText.Escape(p.Message, MaxProblemEchoed)}");
        var more = problems.Count > MaxProblemsReported ? $" (and {problems.Count - MaxProblemsReported} more)" : string.Empty;
        return AdrPlatformException.Invalid($"Nothing was imported; {problems.Count} problem(s){more}: {string.Join("; ", listed)}");
    }
}
