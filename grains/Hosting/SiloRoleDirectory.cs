using AdrPlatform.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace AdrPlatform.Hosting;

/// <summary>
/// Which roles a silo of the cluster holds: this silo's from its own settings, another's from its published metadata.
/// A silo whose metadata has not reached this one yet holds no role here.
/// </summary>
internal sealed class SiloRoleDirectory(ILocalSiloDetails localSilo, ISiloMetadataCache metadata, SiloRoleSet localRoles)
{
    public bool Holds(SiloAddress silo, string role) => silo.Equals(localSilo.SiloAddress)
        ? localRoles.Holds(role)
        : SiloRoles.Includes(metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(SiloRoles.MetadataKey), role);
}
