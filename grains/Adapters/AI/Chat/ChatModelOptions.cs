using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Chat;

/// <summary>One model alias ("Chat:Models:{alias}").</summary>
public sealed class ChatModelOptions : IValidatableObject
{
    [Description("Tried in order: the first is the primary, the rest fail-overs")]
    public List<ChatProviderOptions> Providers { get; set; } = [];

    [Description("Price per million input tokens, for reservations and settlement")]
    [Range(0.0, 1_000_000.0)]
    public decimal InputPricePerMillionTokens { get; set; }

    [Description("Price per million output tokens, for reservations and settlement")]
    [Range(0.0, 1_000_000.0)]
    public decimal OutputPricePerMillionTokens { get; set; }

    public ResilienceOptions Resilience { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Providers.Count == 0)
        {
            yield return new ValidationResult($"{nameof(Providers)} lists no provider", [nameof(Providers)]);
        }
    }
}
