using Grpc.Core;

namespace AdrPlatform.Gateway.Services.Malformed;

/// <summary>
/// Refuses a request whose bytes are not a valid message for its method, with a status the client can act on
/// and one log line without a stack trace: it is the client's mistake (or an attack), not a failure here.
/// </summary>
public sealed partial class MalformedRequests(ILogger<MalformedRequests> logger)
{
    public RpcException Refuse(string method, StatusCode code, string reason)
    {
        LogRefused(logger, method, code, reason);
        return new RpcException(new Status(code, reason));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a malformed request to {Method} with {Code}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, StatusCode code, string reason);
}
