namespace AdrPlatform.Hosting;

/// <summary>Where state lives. Bound from the "Storage" section; one setting moves every silo to Postgres.</summary>
public sealed class PlatformStorageOptions
{
    public const string Section = "Storage";
    public const string Memory = "memory";
    public const string Postgres = "postgres";

    /// <summary>"memory" (the embedded default, one process) or "postgres" (clustering, grain state, reminders, ADRs).</summary>
    public string Provider { get; set; } = Memory;

    /// <summary>Apply pending migrations (as the owner role) before the silo starts.</summary>
    public bool MigrateOnStart { get; set; }

    public bool UsesPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
