namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>
/// A call a test holds until its caller's cancellation reaches it or the test releases it: the first call to arrive
/// is held, later calls pass at once. Says when the held call arrived and when its cancellation did.
/// </summary>
public sealed class HeldUntilCancelled
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taken;

    public Task Reached => _reached.Task;

    public Task Cancelled => _cancelled.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>True when this call was the one held.</summary>
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _taken, 1) == 1)
        {
            return false;
        }

        _reached.TrySetResult();
        // Awaited on the caller's scheduler: inside a grain, what follows must run on the grain's turn.
        await Task.WhenAny(_released.Task, Task.Delay(Timeout.Infinite, cancellationToken));
        if (cancellationToken.IsCancellationRequested)
        {
            _cancelled.TrySetResult();
        }

        return true;
    }
}
