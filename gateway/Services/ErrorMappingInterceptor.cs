using AdrPlatform.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AdrPlatform.Gateway.Services;

/// <summary>
/// Gives every failure its gRPC status: expected ones with their message, dependency trouble as
/// UNAVAILABLE, anything else as INTERNAL without leaking details (they go to the log).
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception error) when (error is not RpcException)
        {
            throw Translate(error, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception error) when (error is not RpcException)
        {
            throw Translate(error, context);
        }
    }

    private RpcException Translate(Exception error, ServerCallContext context)
    {
        var status = error switch
        {
            AdrPlatformException known => new Status(Code(known.Kind), known.Message),
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => new Status(StatusCode.Cancelled, "The call was cancelled."),
            TimeoutException => new Status(StatusCode.Unavailable, "A backend did not answer in time; retry shortly."),
            SiloUnavailableException or OrleansMessageRejectionException => new Status(StatusCode.Unavailable, "A backend silo is unavailable; retry shortly."),
            _ => new Status(StatusCode.Internal, "An internal error occurred; it has been logged."),
        };
        if (status.StatusCode == StatusCode.Internal)
        {
            LogUnexpected(logger, error, context.Method);
        }

        return new RpcException(status);
    }

    private static StatusCode Code(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        ErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        ErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        ErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        ErrorKind.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string method);
}
