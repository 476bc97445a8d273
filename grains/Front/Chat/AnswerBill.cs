using System.Diagnostics;
using AdrPlatform.Errors;
using AdrPlatform.Observability;
using AdrPlatform.Ports;

namespace AdrPlatform.Grains.Chat;

/// <summary>
/// What one answer costs its tenant. The worst case is reserved before the provider is asked and renewed while the
/// answer streams; the bill is then closed exactly once: charged with the real usage (and recorded in the usage
/// ledger), or refunded when the provider was never asked. A reservation call that did not answer (cancelled, timed
/// out) may still have been made, so it is refunded too: refunding a reservation the tenant never made charges nothing.
/// </summary>
internal sealed class AnswerBill(
    ITenantGrain tenant, IUsageLedger ledger, TimeProvider clock, string user, string messageId, ChatModel model, TagList tags)
{
    private Phase _phase;
    private ReservationRenewal? _renewal;

    private enum Phase
    {
        Unreserved,
        Uncertain,
        Held,
        Closed,
    }

    /// <summary>The tenant admitted the answer: its worst case was held.</summary>
    public bool WasHeld { get; private set; }

    public bool IsOpen => _phase is Phase.Uncertain or Phase.Held;

    /// <summary>Holds the worst case, or throws the tenant's refusal (nothing is held then).</summary>
    public async Task ReserveAsync(int promptTokens, int maxOutputTokens, TimeSpan lifetime, StreamingAnswer answer, CancellationToken cancellationToken)
    {
        _phase = Phase.Uncertain;
        try
        {
            await tenant.ReserveChatAsync(
                user, messageId, promptTokens, maxOutputTokens, model.InputPricePerMillionTokens, model.OutputPricePerMillionTokens, cancellationToken);
        }
        catch (AdrPlatformException)
        {
            _phase = Phase.Unreserved;
            throw;
        }

        _phase = Phase.Held;
        WasHeld = true;
        _renewal = ReservationRenewal.Start(tenant, messageId, lifetime, clock, answer);
    }

    /// <summary>Charges the real usage with the tenant, records what was charged in the usage ledger and returns the cost.</summary>
    public async Task<decimal> ChargeAsync(int promptTokens, int completionTokens)
    {
        await CloseAsync();
        var cost = await tenant.SettleChatAsync(messageId, promptTokens, completionTokens);
        await ledger.RecordAsync(
            tenant.GetPrimaryKeyString(), new UsageEntry(messageId, user, model.Alias, promptTokens, completionTokens, cost, clock.GetUtcNow()), CancellationToken.None);
        var prompt = tags;
        prompt.Add("kind", "prompt");
        var completion = tags;
        completion.Add("kind", "completion");
        PlatformTelemetry.Tokens.Add(promptTokens, prompt);
        PlatformTelemetry.Tokens.Add(completionTokens, completion);
        PlatformTelemetry.Cost.Add((double)cost, tags);
        return cost;
    }

    /// <summary>Releases what the reservation held without charging anything: the provider was never asked.</summary>
    public async Task RefundAsync()
    {
        await CloseAsync();
        await tenant.SettleChatAsync(messageId, 0, 0);
    }

    /// <summary>Closed before the tenant is called, so a settlement that fails is not tried again.</summary>
    private async Task CloseAsync()
    {
        _phase = Phase.Closed;
        if (_renewal is not null)
        {
            await _renewal.DisposeAsync();
        }
    }
}
