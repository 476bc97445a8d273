namespace AdrPlatform.TestKit;

/// <summary>Polls a read until its result meets a condition: for effects that follow a write asynchronously (indexing, settlement).</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The first result of <paramref name="read"/> that is <paramref name="done"/>; throws <see cref="TimeoutException"/> with <paramref name="because"/> after the timeout.</summary>
    public static Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> done, string because, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        HoldsAsync(read, done, _ => because, timeout, interval);

    /// <summary>As <see cref="HoldsAsync{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?, TimeSpan?)"/>, the failure told from the last result read.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> because, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(because);
        var (met, last) = await PollAsync(read, done, timeout ?? DefaultTimeout, interval ?? DefaultInterval);
        return met ? last : throw new TimeoutException(because(last));
    }

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after the timeout, saying <paramref name="because"/> as it is then.</summary>
    public static Task TrueAsync(Func<bool> condition, Func<string> because, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(because);
        return HoldsAsync(() => Task.FromResult(condition()), met => met, _ => because(), timeout, interval);
    }

    /// <summary>Waits until <paramref name="condition"/> holds or the timeout passes, and says which: for a bench that reports what it got either way.</summary>
    public static async Task<bool> WithinAsync(Func<bool> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var (met, _) = await PollAsync(() => Task.FromResult(condition()), met => met, timeout, interval ?? DefaultInterval);
        return met;
    }

    private static async Task<(bool Met, T Last)> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await read();
            if (done(result))
            {
                return (true, result);
            }

            if (DateTime.UtcNow >= deadline)
            {
                return (false, result);
            }

            await Task.Delay(interval);
        }
    }
}
