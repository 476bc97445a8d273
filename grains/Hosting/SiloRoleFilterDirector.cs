using AdrPlatform.Placement;
using Orleans.Placement;
using Orleans.Runtime.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace AdrPlatform.Hosting;

/// <summary>
/// Narrows placement to the silos whose metadata names the grain's role. A silo whose metadata has not reached this one
/// yet is left out, except this silo itself, whose roles are known from its own settings.
/// </summary>
internal sealed class SiloRoleFilterDirector(ILocalSiloDetails localSilo, ISiloMetadataCache metadata, SiloRoleSet localRoles) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var role = ((SiloRoleFilterStrategy)filterStrategy).Role;
        return silos.Where(silo => silo.Equals(localSilo.SiloAddress)
            ? localRoles.Holds(role)
            : SiloRoles.Includes(metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(SiloRoles.MetadataKey), role));
    }
}
