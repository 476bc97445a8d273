using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Egress;

/// <summary>Where one tool of a tenant may go, within the tenant's hosts.</summary>
public sealed class EgressToolOptions : IValidatableObject
{
    [Description("Hosts this tool may reach, patterns as for the tenant's `Hosts`")]
    public IList<string> Hosts { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        EgressTenantOptions.HostProblems(Hosts, nameof(Hosts));
}
