using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Egress;

/// <summary>What outbound fetches a tenant can steer may reach, and their limits.</summary>
public sealed class EgressOptions : IValidatableObject
{
    public const string Section = "Egress";

    [Description("Redirects one fetch follows, each re-checked (scheme, allowlist, address); one more is refused")]
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    [Description("Largest response body, after transfer decoding; a larger one is refused, its download stopped")]
    [Range(1, 1L << 30)]
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    [Description("Longest time to resolve a host and connect to it")]
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Description("Longest time one fetch may take, its redirects and body included (a server trickling bytes is cut off)")]
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Description("The `User-Agent` every outbound request carries")]
    [Required]
    [RegularExpression(@"^[\x21-\x7E][\x20-\x7E]{0,199}$")]
    public string UserAgent { get; set; } = "AdrPlatform-Egress/1.0";

    [Description("Media types a response may have (`text/html`, `text/*`); empty: any")]
    public IList<string> AllowedContentTypes { get; set; } = [];

    [Description("Per tenant (by tenant id): where its fetches may go; a tenant not listed may fetch nothing")]
    public Dictionary<string, EgressTenantOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [Description("Tests only: lets fetches reach 127.0.0.0/8 and ::1 on the ports in `UnsafeLoopbackTestPorts`. Refused at start outside the Development and Testing environments")]
    public bool UnsafeAllowLoopbackForTests { get; set; }

    [Description("Tests only: the loopback ports `UnsafeAllowLoopbackForTests` opens (the test servers'); required with it, refused without it")]
    public IList<int> UnsafeLoopbackTestPorts { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var type in AllowedContentTypes.Where(type => !MediaTypePattern.IsValid(type)))
        {
            yield return new ValidationResult($"{nameof(AllowedContentTypes)} contains '{type}', not a media type (`type/subtype` or `type/*`)", [nameof(AllowedContentTypes)]);
        }

        if (UnsafeAllowLoopbackForTests && UnsafeLoopbackTestPorts.Count == 0)
        {
            yield return new ValidationResult($"{nameof(UnsafeLoopbackTestPorts)} must list the test servers' ports when {nameof(UnsafeAllowLoopbackForTests)} is set", [nameof(UnsafeLoopbackTestPorts)]);
        }

        if (!UnsafeAllowLoopbackForTests && UnsafeLoopbackTestPorts.Count > 0)
        {
            yield return new ValidationResult($"{nameof(UnsafeLoopbackTestPorts)} opens nothing without {nameof(UnsafeAllowLoopbackForTests)}; remove it", [nameof(UnsafeLoopbackTestPorts)]);
        }

        foreach (var port in UnsafeLoopbackTestPorts.Where(port => port is < 1 or > 65_535))
        {
            yield return new ValidationResult($"{nameof(UnsafeLoopbackTestPorts)} contains {port}, not a port", [nameof(UnsafeLoopbackTestPorts)]);
        }
    }
}
