using System.Security.Claims;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace AdrPlatform.Gateway.Auth;

/// <summary>Who is calling, taken only from the validated token: the tenant is never a request field.</summary>
public sealed partial record Caller(string Tenant, string User, IReadOnlyList<string> Roles)
{
    public const string TenantRule = "1 to 63 lower-case ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static Caller From(ClaimsPrincipal principal, PlatformAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        // Taken exactly as issued: folding case or trimming would let two spellings (a Kelvin sign K and a k) share one tenant.
        var tenants = principal.FindAll(options.TenantClaim).Select(c => c.Value).ToList();
        if (tenants.Count == 0 || tenants.All(string.IsNullOrEmpty))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The token names no tenant."));
        }

        if (tenants.Count > 1)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"The token names {tenants.Count} tenants; it must name exactly one."));
        }

        var tenant = tenants[0];
        if (!IsCanonicalTenant(tenant))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"The token's tenant is not a tenant id: {TenantRule}."));
        }

        var user = principal.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(user) || user.Length > 200 || user.Any(char.IsControl))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The token names no valid user (sub)."));
        }

        var roles = principal.FindAll(options.RolesClaim).Select(c => c.Value).Where(Auth.Roles.Known.Contains).Distinct().ToList();
        return new Caller(tenant, user, roles);
    }

    public static bool IsCanonicalTenant(string? tenant) => tenant is not null && TenantPattern().IsMatch(tenant);

    // \z, not $: "$" would also match before a trailing line feed.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,62}\z")]
    private static partial Regex TenantPattern();
}
