using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Chat;

/// <summary>One provider of a model alias ("Chat:Models:{alias}:Providers:{i}").</summary>
public sealed class ChatProviderOptions : IValidatableObject
{
    public const string Local = "local";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";

    [Description("`local` (built in: quotes and cites the retrieved passages, no model), `openai` (any OpenAI-compatible server) or `azure-openai`")]
    [AllowedValues(Local, OpenAI, AzureOpenAI, ErrorMessage = "{0} must be local, openai or azure-openai")]
    public string Provider { get; set; } = Local;

    [Description("The provider's base URL (e.g. `http://127.0.0.1:8000/v1`)")]
    public string? Endpoint { get; set; }

    [Description("The provider's key (required for `azure-openai`)")]
    public string? ApiKey { get; set; }

    [Description("The model (`openai`) or deployment (`azure-openai`)")]
    public string? Model { get; set; }

    [Description("`local`: the pause between words, so its answers stream like a model's")]
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan LocalWordInterval { get; set; } = TimeSpan.FromMilliseconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is Local)
        {
            yield break;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"{nameof(Endpoint)} must be an absolute URL for provider {Provider}", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"{nameof(Model)} is required for provider {Provider}", [nameof(Model)]);
        }

        if (Provider is AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"{nameof(ApiKey)} is required for provider {Provider}", [nameof(ApiKey)]);
        }
    }
}
