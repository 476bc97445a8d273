using Grpc.Core;

namespace AdrPlatform.Integration.Tests.Infrastructure;

public static class Rpc
{
    /// <summary>Asserts the call fails with <paramref name="code"/> and returns the status message.</summary>
    public static async Task<string> Fails<T>(StatusCode code, Func<AsyncUnaryCall<T>> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call());
        Assert.True(code == error.StatusCode, $"Expected {code} but got {error.StatusCode}: {error.Status.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        return error.Status.Detail;
    }

    /// <summary>Asserts a server-streaming call fails with <paramref name="code"/> before or while streaming.</summary>
    public static async Task<string> FailsStreaming<T>(StatusCode code, Func<AsyncServerStreamingCall<T>> start)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = start();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        Assert.True(code == error.StatusCode, $"Expected {code} but got {error.StatusCode}: {error.Status.Detail}");
        return error.Status.Detail;
    }

    /// <summary>
    /// A unary call retried while it answers UNAVAILABLE, as a client configured for it would (with an idempotency key
    /// where the call has one, so a retry cannot do the work twice); fails after <paramref name="attempts"/> tries.
    /// </summary>
    public static async Task<T> RetryingUnavailableAsync<T>(Func<AsyncUnaryCall<T>> call, int attempts = 5)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException unavailable) when (unavailable.StatusCode == StatusCode.Unavailable && attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    public static string Tenant() => "t" + Guid.NewGuid().ToString("N")[..12];
}
