using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AdrPlatform.Hosting;

/// <summary>How a silo joins its cluster (Orleans reads "Orleans" itself; <see cref="OrleansSections"/> pass through to it).</summary>
public sealed class PlatformSiloOptions : IValidatableObject
{
    public const string Section = "Cluster";
    public const string MembershipSection = Section + ":Membership";
    public const string MessagingSection = Section + ":Messaging";
    public const string AllRoles = "all";

    /// <summary>Subsections bound straight onto Orleans' own options classes: failure detection and call time-outs.</summary>
    public static readonly IReadOnlyDictionary<string, Type> OrleansSections = new Dictionary<string, Type>
    {
        [MembershipSection] = typeof(Orleans.Configuration.ClusterMembershipOptions),
        [MessagingSection] = typeof(Orleans.Configuration.SiloMessagingOptions),
    };

    [Description("Orleans cluster identity: silos with the same id and database form one cluster")]
    [Required]
    public string ClusterId { get; set; } = "adrplatform";

    [Description("Orleans service identity (keys grain state; keep it across deployments)")]
    [Required]
    public string ServiceId { get; set; } = "adrplatform";

    [Description("What this silo hosts: `front` (chat sessions, beside the clients' connections), `worker` (tenants, ADRs, jobs, search, stream workers) or `all`")]
    [AllowedValues(AllRoles, AdrPlatform.Placement.SiloRoles.Front, AdrPlatform.Placement.SiloRoles.Worker)]
    public string Role { get; set; } = AllRoles;

    [Description("Orleans silo-to-silo port")]
    [Range(1, 65_535)]
    public int SiloPort { get; set; } = 11111;

    [Description("Orleans client gateway port")]
    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = 30000;

    [Description("How long a stopping host waits for its work to end (open requests, the silo leaving its cluster and deactivating its grains) before it exits anyway")]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Description("On PostgreSQL: the address other silos reach this one at")]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    [Description("In memory storage (localhost clustering): the silo port of the silo the others join (its own `SiloPort` for a single process)")]
    [Range(1, 65_535)]
    public int PrimarySiloPort { get; set; } = 11111;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"{nameof(GatewayPort)} must differ from {Section}:{nameof(SiloPort)} ({SiloPort})", [nameof(GatewayPort)]);
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"{nameof(AdvertisedAddress)} must be an IP address (got '{AdvertisedAddress}')", [nameof(AdvertisedAddress)]);
        }
    }
}
