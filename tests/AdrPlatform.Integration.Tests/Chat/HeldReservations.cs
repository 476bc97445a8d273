using System.Collections.Concurrent;
using AdrPlatform.Grains;

namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>
/// Holds the next chat reservation a tenant grain receives until its caller's cancellation arrives. Either the
/// reservation is made and only its answer is held back (the caller cannot know it was made), or it is delivered
/// late: it runs only after its caller gave up and settled it.
/// </summary>
public sealed class HeldReservations : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _settled = new(StringComparer.Ordinal);
    private HeldUntilCancelled? _next;
    private bool _deliverLate;

    public HeldUntilCancelled HoldNext(bool deliverLate)
    {
        _deliverLate = deliverLate;
        return _next = new HeldUntilCancelled();
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsTenant(context, nameof(ITenantGrain.ReserveChatAsync)) && _next is { } held)
        {
            await ReserveAsync(context, held);
            return;
        }

        await context.Invoke();
        if (IsTenant(context, nameof(ITenantGrain.SettleChatAsync)))
        {
            Settled((string)context.Request.GetArgument(0)!).TrySetResult();
        }
    }

    private async Task ReserveAsync(IIncomingGrainCallContext context, HeldUntilCancelled held)
    {
        var cancellation = context.Request.GetCancellationToken();
        if (!_deliverLate)
        {
            await context.Invoke();
            await held.HoldAsync(cancellation);
            return;
        }

        if (await held.HoldAsync(cancellation))
        {
            await Settled((string)context.Request.GetArgument(1)!).Task;
        }

        await context.Invoke();
    }

    private static bool IsTenant(IIncomingGrainCallContext context, string method) =>
        context.Request.GetInterfaceType() == typeof(ITenantGrain) && context.Request.GetMethodName() == method;

    private TaskCompletionSource Settled(string reservationId) =>
        _settled.GetOrAdd(reservationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
