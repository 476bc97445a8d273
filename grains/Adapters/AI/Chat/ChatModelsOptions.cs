using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Chat;

/// <summary>The model aliases a chat request may name; without any, one alias "default" answers with the local provider.</summary>
public sealed class ChatModelsOptions : IValidatableObject
{
    public const string Section = "Chat";
    public const string ImplicitAlias = "default";

    [Description("Model aliases a request may name; none: one alias `default` with the `local` provider")]
    public Dictionary<string, ChatModelOptions> Models { get; set; } = [];

    [Description("The alias used when a request names none (may be omitted when there is one alias)")]
    public string? DefaultModel { get; set; }

    /// <summary>The configured aliases, or the implicit local one.</summary>
    public IReadOnlyDictionary<string, ChatModelOptions> Aliases =>
        Models.Count > 0 ? Models : new Dictionary<string, ChatModelOptions> { [ImplicitAlias] = new() { Providers = [new ChatProviderOptions()] } };

    public string DefaultAlias => DefaultModel ?? (Aliases.Count == 1 ? Aliases.Keys.Single() : ImplicitAlias);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Aliases.ContainsKey(DefaultAlias))
        {
            yield return new ValidationResult($"{nameof(DefaultModel)} \"{DefaultAlias}\" is not one of the aliases under Models ({string.Join(", ", Aliases.Keys)})", [nameof(DefaultModel)]);
        }
    }
}
