using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Adapters.Egress;

/// <summary>Where one tenant's fetches may go.</summary>
public sealed class EgressTenantOptions : IValidatableObject
{
    [Description("Allow plain `http` besides `https` for this tenant")]
    public bool AllowHttp { get; set; }

    [Description("Hosts the tenant's fetches may reach: `docs.example.com`, `*.example.com` (names below it) or `*` (any host; addresses are still checked)")]
    public IList<string> Hosts { get; set; } = [];

    [Description("Per tool (`crawler`, an agent tool): a narrower host list; a host must be on both")]
    public Dictionary<string, EgressToolOptions> Tools { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => HostProblems(Hosts, nameof(Hosts));

    internal static IEnumerable<ValidationResult> HostProblems(IList<string> hosts, string key) =>
        hosts.Select(HostAllowlist.Problem).OfType<string>().Select(problem => new ValidationResult($"{key}: {problem}", [key]));
}
