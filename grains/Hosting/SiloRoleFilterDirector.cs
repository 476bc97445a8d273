using AdrPlatform.Placement;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace AdrPlatform.Hosting;

/// <summary>Narrows placement to the silos holding the grain's role.</summary>
internal sealed class SiloRoleFilterDirector(SiloRoleDirectory roles) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var role = ((SiloRoleFilterStrategy)filterStrategy).Role;
        return silos.Where(silo => roles.Holds(silo, role));
    }
}
