using System.Security.Claims;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace AdrPlatform.Gateway.Auth;

/// <summary>Who is calling, taken only from the validated token: the tenant is never a request field.</summary>
public sealed partial record Caller(string Tenant, string User, IReadOnlyList<string> Roles)
{
    public static Caller From(ClaimsPrincipal principal, PlatformAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        var tenant = principal.FindFirst(options.TenantClaim)?.Value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(tenant) || !TenantPattern().IsMatch(tenant))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The token names no valid tenant."));
        }

        var user = principal.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(user) || user.Length > 200)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The token names no valid user (sub)."));
        }

        var roles = principal.FindAll(options.RolesClaim).Select(c => c.Value).Where(Auth.Roles.Known.Contains).Distinct().ToList();
        return new Caller(tenant, user, roles);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$")]
    private static partial Regex TenantPattern();
}
