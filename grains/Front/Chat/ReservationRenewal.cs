namespace AdrPlatform.Grains.Chat;

/// <summary>
/// Renews a streaming answer's reservation every third of its lifetime until disposed, so the budget holds the answer
/// however long it streams, and only the reservation of an answer whose silo died expires. A renewal the tenant grain
/// could not answer is tried again at the next tick; one it refuses (the reservation is settled or unknown: nothing
/// holds the answer's budget any more) cancels the answer.
/// </summary>
internal sealed class ReservationRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _disposed;

    private ReservationRenewal(ITenantGrain tenant, string reservationId, TimeSpan lifetime, TimeProvider clock, StreamingAnswer answer) =>
        _loop = RenewAsync(tenant, reservationId, lifetime / 3, clock, answer);

    public static ReservationRenewal Start(ITenantGrain tenant, string reservationId, TimeSpan lifetime, TimeProvider clock, StreamingAnswer answer) =>
        new(tenant, reservationId, lifetime, clock, answer);

    /// <summary>Stops renewing (the answer is about to settle); calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        _stop.Dispose();
    }

    private async Task RenewAsync(ITenantGrain tenant, string reservationId, TimeSpan interval, TimeProvider clock, StreamingAnswer answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, _stop.Token);
            bool renewed;
            try
            {
                renewed = await tenant.RenewChatAsync(reservationId);
            }
            catch (Exception unavailable) when (unavailable is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                continue;
            }

            if (!renewed)
            {
                await answer.CancelAsync();
                return;
            }
        }
    }
}
