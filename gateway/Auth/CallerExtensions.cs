using Grpc.Core;

namespace AdrPlatform.Gateway.Auth;

public static class CallerExtensions
{
    /// <summary>Refuses the call unless the caller holds <paramref name="role"/> or a role that includes it.</summary>
    public static Caller Require(this Caller caller, string role)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Roles.Intersect(Roles.AtLeast(role)).Any())
        {
            return caller;
        }

        var held = caller.Roles.Count == 0 ? "no role" : string.Join(", ", caller.Roles);
        throw new RpcException(new Status(StatusCode.PermissionDenied, $"This call needs the {role} role or higher; your token has {held}."));
    }
}
