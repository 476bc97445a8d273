using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Hosting;

/// <summary>Where the worker silo host (which serves no API) offers /metrics to a scraper.</summary>
public sealed class SiloMetricsOptions
{
    public const string Section = "Silo";

    [Description("Worker silo host (`silo/`): port of its `/metrics` endpoint (the front silo's is `Gateway:ManagementPort`)")]
    [Range(1, 65535)]
    public int ManagementPort { get; set; } = 9465;

    [Description("Worker silo host: address `/metrics` binds to; `0.0.0.0` lets a scraper outside the host reach it")]
    [RegularExpression(@"^(localhost|0\.0\.0\.0|\d{1,3}(\.\d{1,3}){3})$", ErrorMessage = "The field ManagementHost must be localhost or an IPv4 address.")]
    public string ManagementHost { get; set; } = "127.0.0.1";
}
