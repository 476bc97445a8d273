namespace AdrPlatform.Placement;

/// <summary>
/// What a silo is for. Front silos hold the clients' connections and their chat sessions; worker silos hold tenants,
/// ADRs, jobs, search and the stream workers. One process may hold both (the embedded default).
/// </summary>
public static class SiloRoles
{
    public const string Front = "front";
    public const string Worker = "worker";

    /// <summary>The silo metadata key whose value lists the silo's roles, comma-separated.</summary>
    public const string MetadataKey = "adrplatform.roles";

    public static IReadOnlyList<string> All { get; } = [Front, Worker];

    /// <summary>
    /// A silo name that carries its roles (<c>front,worker/Silo_1a2b3</c>), so every silo knows them from the membership
    /// table as soon as it knows the silo, before the silo's metadata has been fetched.
    /// </summary>
    public static string SiloName(string roles, string name) => $"{roles}/{name}";

    /// <summary>The roles a name made by <see cref="SiloName"/> carries, as <see cref="MetadataKey"/> holds them; null for another name.</summary>
    public static string? FromSiloName(string? name) => name?.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? name[..slash] : null;

    /// <summary>Whether a metadata value (as <see cref="MetadataKey"/> holds it) names <paramref name="role"/>.</summary>
    public static bool Includes(string? roles, string role) =>
        roles is not null && roles.Split(',', StringSplitOptions.TrimEntries).Contains(role, StringComparer.Ordinal);
}
