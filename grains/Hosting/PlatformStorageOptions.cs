using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Hosting;

/// <summary>Where state lives; one setting moves every silo to Postgres.</summary>
public sealed class PlatformStorageOptions
{
    public const string Section = "Storage";
    public const string Memory = "memory";
    public const string Postgres = "postgres";

    [Description("`memory` (the embedded default, one process) or `postgres` (clustering, grain state, reminders, ADRs; needs `ConnectionStrings:AdrPlatform`)")]
    [AllowedValues(Memory, Postgres, ErrorMessage = "{0} must be memory or postgres")]
    public string Provider { get; set; } = Memory;

    [Description("Apply pending migrations as the owner role (`ConnectionStrings:AdrPlatformOwner`) before the silo starts")]
    public bool MigrateOnStart { get; set; }

    public bool UsesPostgres => Provider == Postgres;
}
