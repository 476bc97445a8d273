using AdrPlatform.Placement;

namespace AdrPlatform.Hosting;

/// <summary>The roles this silo holds, from <c>Cluster:Role</c>.</summary>
public sealed class SiloRoleSet
{
    private SiloRoleSet(IReadOnlyList<string> roles) => Roles = roles;

    public IReadOnlyList<string> Roles { get; }

    public bool HoldsFront => Holds(SiloRoles.Front);

    public bool HoldsWorker => Holds(SiloRoles.Worker);

    /// <summary>The value published as this silo's <see cref="SiloRoles.MetadataKey"/> metadata.</summary>
    public string MetadataValue => string.Join(',', Roles);

    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>"all", "front" or "worker".</summary>
    public static SiloRoleSet Parse(string role) => role switch
    {
        PlatformSiloOptions.AllRoles => new SiloRoleSet(SiloRoles.All),
        SiloRoles.Front or SiloRoles.Worker => new SiloRoleSet([role]),
        _ => throw new ArgumentException($"Cluster:Role must be one of {PlatformSiloOptions.AllRoles}, {SiloRoles.Front}, {SiloRoles.Worker} (got '{role}').", nameof(role)),
    };
}
