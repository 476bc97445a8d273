namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>Polls a read until its result meets a condition: for effects that follow a write asynchronously (indexing, settlement).</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> done, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var result = await read();
            if (done(result))
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(50);
        }
    }
}
