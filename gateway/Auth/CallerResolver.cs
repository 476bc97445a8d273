using Grpc.Core;

namespace AdrPlatform.Gateway.Auth;

/// <summary>Turns a call's validated token into a <see cref="Caller"/>.</summary>
public sealed class CallerResolver(PlatformAuthOptions options)
{
    public Caller Resolve(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A bearer token is required."));
        }

        return Caller.From(user, options);
    }

    public Caller Resolve(ServerCallContext context, string role) => Resolve(context).Require(role);
}
