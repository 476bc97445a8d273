using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Hosting;

/// <summary>The management port every silo host opens: metrics and health for scrapers and orchestrators, nothing else.</summary>
public sealed class ManagementOptions : IValidatableObject
{
    public const string Section = "Management";

    /// <summary>The worker host's default, so a front and a worker started on one machine do not collide.</summary>
    public const int WorkerDefaultPort = 9465;

    [Description("`/metrics`, `/healthz` (alive) and `/readyz` (active in its cluster), never served on the API port; the `silo` host defaults to 9465")]
    [Range(1, 65_535)]
    public int Port { get; set; } = 9464;

    [Description("Address the management port binds to; `0.0.0.0` lets a scraper or probe outside the host reach it")]
    public string Host { get; set; } = "127.0.0.1";

    public string Url => Uri.CheckHostName(Host) == UriHostNameType.IPv6 ? $"http://[{Host}]:{Port}" : $"http://{Host}:{Port}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Uri.CheckHostName(Host) is UriHostNameType.Unknown)
        {
            yield return new ValidationResult($"{nameof(Host)} must be a host name or IP address (got '{Host}')", [nameof(Host)]);
        }
    }
}
