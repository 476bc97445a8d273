namespace AdrPlatform.Gateway.Auth;

/// <summary>Bound from the "Auth" configuration section.</summary>
public sealed class PlatformAuthOptions
{
    public const string Section = "Auth";

    /// <summary>The OIDC issuer whose JWKS validates tokens. Empty: the embedded development issuer.</summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "adrplatform";

    /// <summary>Allow an http:// authority (tests and local identity providers only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string TenantClaim { get; set; } = "tenant";

    public string RolesClaim { get; set; } = "roles";

    /// <summary>Where the development issuer keeps its signing key; default: ~/.adrplatform/dev-signing-key.</summary>
    public string? DevelopmentKeyPath { get; set; }

    public bool UsesDevelopmentIssuer => string.IsNullOrWhiteSpace(Authority);
}
