namespace AdrPlatform.Grains;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class StorageNames
{
    public const string Tenants = "tenants";

    public const string Chats = "chats";

    public const string Jobs = "jobs";

    /// <summary>Where persistent streams keep explicit subscriptions (the name Orleans looks for).</summary>
    public const string PubSub = "PubSubStore";

    public static IReadOnlyList<string> All { get; } = [Tenants, Chats, Jobs, PubSub];
}
