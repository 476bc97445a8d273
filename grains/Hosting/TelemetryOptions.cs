using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Hosting;

/// <summary>Where traces go; metrics are always on the management port.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    [Description("Where traces go over OTLP. Empty: no spans are recorded; metrics stay on `/metrics` of the management port")]
    public string? OtlpEndpoint { get; set; }

    [Description("The share of traces kept (parent-based), between 0 and 1")]
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    public bool ExportsTraces => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ExportsTraces && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"{nameof(OtlpEndpoint)} must be an absolute URL (got '{OtlpEndpoint}')", [nameof(OtlpEndpoint)]);
        }
    }
}
