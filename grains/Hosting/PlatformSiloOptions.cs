namespace AdrPlatform.Hosting;

/// <summary>How a silo joins its cluster. Bound from the "Cluster" section (Orleans reads "Orleans" itself).</summary>
public sealed class PlatformSiloOptions
{
    public const string Section = "Cluster";

    public string ClusterId { get; set; } = "adrplatform";

    public string ServiceId { get; set; } = "adrplatform";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (database-backed clustering).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The silo port of the primary silo, for localhost clustering of several processes.</summary>
    public int PrimarySiloPort { get; set; } = 11111;
}
