namespace AdrPlatform.Grains;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class StorageNames
{
    public const string Tenants = "tenants";

    public const string Chats = "chats";
}
