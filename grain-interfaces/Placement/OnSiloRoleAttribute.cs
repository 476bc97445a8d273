using Orleans.Placement;

namespace AdrPlatform.Placement;

/// <summary>Activations of the grain are placed only on silos holding <paramref name="role"/> (see <see cref="SiloRoles"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OnSiloRoleAttribute(string role) : PlacementFilterAttribute(new SiloRoleFilterStrategy(role))
{
    public string Role { get; } = role;
}
