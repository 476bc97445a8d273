using System.Diagnostics;
using AdrPlatform.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AdrPlatform.Gateway.Services;

/// <summary>
/// Times every call and records it by method and final status code, which the HTTP metrics cannot tell
/// (a failed gRPC call still answers HTTP 200). Registered before <see cref="ErrorMappingInterceptor"/>,
/// so it sees the status that mapping gives a failure.
/// </summary>
public sealed class RpcMetricsInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context);
            Record(context, started, context.Status.StatusCode);
            return response;
        }
        catch (RpcException error)
        {
            Record(context, started, error.StatusCode);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context);
            Record(context, started, context.Status.StatusCode);
        }
        catch (RpcException error)
        {
            Record(context, started, error.StatusCode);
            throw;
        }
    }

    private static void Record(ServerCallContext context, long started, StatusCode code) =>
        PlatformTelemetry.RpcDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("rpc_method", context.Method),
            new KeyValuePair<string, object?>("grpc_code", code.ToString()));
}
