namespace AdrPlatform.Streaming.Kafka.Tests.Support;

public static class Eventually
{
    public static async Task True(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Condition not met within {timeout}: {describe()}");
            }

            await Task.Delay(100);
        }
    }
}
