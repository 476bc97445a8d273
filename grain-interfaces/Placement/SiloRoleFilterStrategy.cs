using Orleans.Metadata;
using Orleans.Placement;
using Orleans.Runtime;

namespace AdrPlatform.Placement;

/// <summary>Keeps a grain's activations on silos that hold <see cref="Role"/>.</summary>
public sealed class SiloRoleFilterStrategy : PlacementFilterStrategy
{
    private const string RoleProperty = "role";

    public SiloRoleFilterStrategy()
        : this(SiloRoles.Worker)
    {
    }

    public SiloRoleFilterStrategy(string role)
        : base(order: 0) => Role = role;

    public string Role { get; private set; }

    public override void AdditionalInitialize(GrainProperties properties) =>
        Role = GetPlacementFilterGrainProperty(RoleProperty, properties) ?? throw new ArgumentException("The grain type names no silo role.", nameof(properties));

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new(RoleProperty, Role);
    }
}
