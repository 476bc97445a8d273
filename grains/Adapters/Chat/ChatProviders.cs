using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdrPlatform.Adapters.Chat;

/// <summary>Builds the configured chat provider behind <see cref="IChatClient"/>.</summary>
public static class ChatProviders
{
    public static IChatClient Create(ChatProviderOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind switch
        {
            "local" => new LocalExtractiveChatClient(options.LocalWordInterval, clock),
            "openai" => new OpenAiCompatibleChatClient(ProviderTransport.Shared, ChatEndpoint.OpenAi(
                RequiredUrl(options.Endpoint, "Endpoint"), string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey, RequiredText(options.Model, "Model"))),
            "azure-openai" => new OpenAiCompatibleChatClient(ProviderTransport.Shared, ChatEndpoint.AzureOpenAi(
                RequiredUrl(options.Endpoint, "Endpoint"), RequiredText(options.ApiKey, "ApiKey"), RequiredText(options.Model, "Model"))),
            _ => throw new InvalidOperationException($"{ChatProviderOptions.Section}:Kind \"{options.Kind}\" is not supported; use local, openai or azure-openai."),
        };
    }

    /// <summary>
    /// Registers the model aliases of "Chat:Models:{alias}" (each: Providers in failover order, prices,
    /// Resilience; "Chat:DefaultModel" names the one used when a request names none). Without that section, one alias "default" is built from "Chat:Providers" (or the
    /// single "Chat:Provider"), "Chat:InputPricePerMillionTokens", "Chat:OutputPricePerMillionTokens"
    /// and "Chat:Resilience".
    /// </summary>
    public static IServiceCollection AddAdrPlatformChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection("Chat:Models").Get<Dictionary<string, ChatModelOptions>>();
        var aliases = configured is { Count: > 0 } ? configured : new Dictionary<string, ChatModelOptions> { ["default"] = DefaultModel(configuration) };
        var defaultAlias = configuration["Chat:DefaultModel"] ?? (aliases.Count == 1 ? aliases.Keys.Single() : "default");
        if (!aliases.ContainsKey(defaultAlias))
        {
            throw new InvalidOperationException($"Chat:DefaultModel \"{defaultAlias}\" is not one of Chat:Models ({string.Join(", ", aliases.Keys)}).");
        }

        services.AddSingleton(provider =>
        {
            var clock = provider.GetRequiredService<TimeProvider>();
            return new ChatModels([.. aliases.Select(a => Model(a.Key, a.Value, clock))], defaultAlias);
        });
        return services;
    }

    /// <summary>The built-in local model, for hosts configured without any chat section (test clusters).</summary>
    public static ChatModels LocalOnly(TimeProvider clock) => new([Model("default", new ChatModelOptions { Providers = [new ChatProviderOptions()] }, clock)], "default");

    private static ChatModel Model(string alias, ChatModelOptions options, TimeProvider clock)
    {
        if (options.Providers.Count == 0)
        {
            throw new InvalidOperationException($"Chat:Models:{alias}:Providers lists no provider.");
        }

        var client = new ResilientChatClient([.. options.Providers.Select(p => Create(p, clock))], options.Resilience, clock);
        return new ChatModel(alias, client, options.InputPricePerMillionTokens, options.OutputPricePerMillionTokens);
    }

    private static ChatModelOptions DefaultModel(IConfiguration configuration)
    {
        var list = configuration.GetSection("Chat:Providers").Get<List<ChatProviderOptions>>();
        return new ChatModelOptions
        {
            Providers = list is { Count: > 0 }
                ? list
                : [configuration.GetSection(ChatProviderOptions.Section).Get<ChatProviderOptions>() ?? new ChatProviderOptions()],
            InputPricePerMillionTokens = configuration.GetValue<decimal>("Chat:InputPricePerMillionTokens"),
            OutputPricePerMillionTokens = configuration.GetValue<decimal>("Chat:OutputPricePerMillionTokens"),
            Resilience = configuration.GetSection(ResilienceOptions.Section).Get<ResilienceOptions>() ?? new ResilienceOptions(),
        };
    }

    private static Uri RequiredUrl(string? value, string name) =>
        Uri.TryCreate(RequiredText(value, name), UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{ChatProviderOptions.Section}:{name} must be an absolute URL.");

    private static string RequiredText(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{ChatProviderOptions.Section}:{name} is required for this provider.") : value;
}
