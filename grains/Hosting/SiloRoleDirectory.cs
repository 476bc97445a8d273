using AdrPlatform.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace AdrPlatform.Hosting;

/// <summary>
/// Which roles a silo of the cluster holds: this silo's from its own settings, another's from its published metadata
/// or, until that has been fetched (a fetch that fails is retried only on a later membership change), from the roles
/// its name carries in the membership table. A silo known by neither holds no role here.
/// </summary>
internal sealed class SiloRoleDirectory(ILocalSiloDetails localSilo, ISiloMetadataCache metadata, IClusterMembershipService membership, SiloRoleSet localRoles)
{
    public bool Holds(SiloAddress silo, string role)
    {
        if (silo.Equals(localSilo.SiloAddress))
        {
            return localRoles.Holds(role);
        }

        var roles = metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(SiloRoles.MetadataKey)
            ?? SiloRoles.FromSiloName(NameOf(silo));
        return SiloRoles.Includes(roles, role);
    }

    private string? NameOf(SiloAddress silo) => membership.CurrentSnapshot.Members.TryGetValue(silo, out var member) ? member.Name : null;
}
