using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Gateway.Auth;

/// <summary>Who signs the tokens the front silo accepts, and where they carry the tenant and roles.</summary>
public sealed class PlatformAuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    [Description("OIDC issuer URL; tokens are validated against its JWKS. Empty: the development issuer")]
    public string? Authority { get; set; }

    [Description("Required `aud` of tokens")]
    [Required]
    public string Audience { get; set; } = "adrplatform";

    [Description("Set `false` only for a local http issuer")]
    public bool RequireHttpsMetadata { get; set; } = true;

    [Description("Claim carrying the tenant")]
    [Required]
    public string TenantClaim { get; set; } = "tenant";

    [Description("Claim carrying the roles")]
    [Required]
    public string RolesClaim { get; set; } = "roles";

    [Description("Key of the development issuer; empty: `~/.adrplatform/dev-signing-key`")]
    public string? DevelopmentKeyPath { get; set; }

    public bool UsesDevelopmentIssuer => string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesDevelopmentIssuer)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"{nameof(Authority)} must be an absolute http(s) URL (got '{Authority}')", [nameof(Authority)]);
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && RequireHttpsMetadata)
        {
            yield return new ValidationResult($"{nameof(Authority)} is http; use https, or set {Section}:{nameof(RequireHttpsMetadata)}=false for a local issuer", [nameof(Authority)]);
        }
    }
}
