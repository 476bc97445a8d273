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

    public static string Tenant() => "t" + Guid.NewGuid().ToString("N")[..12];
}
