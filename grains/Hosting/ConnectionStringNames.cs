namespace AdrPlatform.Hosting;

/// <summary>Names under "ConnectionStrings".</summary>
public static class ConnectionStringNames
{
    /// <summary>The application role: owns nothing, cannot bypass row-level security.</summary>
    public const string App = "AdrPlatform";

    /// <summary>The owner role, used only to run migrations.</summary>
    public const string Owner = "AdrPlatformOwner";
}
