using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;

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
            "openai" => new OpenAIClient(
                    new ApiKeyCredential(options.ApiKey ?? "unused"),
                    // Retries belong to the platform (before the first token only), not to the SDK.
                    new OpenAIClientOptions { Endpoint = RequiredUrl(options.Endpoint, "Endpoint"), RetryPolicy = new ClientRetryPolicy(0) })
                .GetChatClient(RequiredText(options.Model, "Model")).AsIChatClient(),
            "azure-openai" => new AzureOpenAIClient(
                    RequiredUrl(options.Endpoint, "Endpoint"),
                    new ApiKeyCredential(RequiredText(options.ApiKey, "ApiKey")),
                    new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0) })
                .GetChatClient(RequiredText(options.Model, "Model")).AsIChatClient(),
            _ => throw new InvalidOperationException($"{ChatProviderOptions.Section}:Kind \"{options.Kind}\" is not supported; use local, openai or azure-openai."),
        };
    }

    /// <summary>
    /// Registers the model: "Chat:Providers" (an ordered list, for failover) or the single "Chat:Provider",
    /// behind <see cref="ResilientChatClient"/> with "Chat:Resilience".
    /// </summary>
    public static IServiceCollection AddAdrPlatformChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var list = configuration.GetSection("Chat:Providers").Get<List<ChatProviderOptions>>();
        var providers = list is { Count: > 0 }
            ? list
            : [configuration.GetSection(ChatProviderOptions.Section).Get<ChatProviderOptions>() ?? new ChatProviderOptions()];
        var resilience = configuration.GetSection(ResilienceOptions.Section).Get<ResilienceOptions>() ?? new ResilienceOptions();
        services.AddSingleton<IChatClient>(provider =>
        {
            var clock = provider.GetRequiredService<TimeProvider>();
            return new ResilientChatClient([.. providers.Select(p => Create(p, clock))], resilience, clock);
        });
        return services;
    }

    private static Uri RequiredUrl(string? value, string name) =>
        Uri.TryCreate(RequiredText(value, name), UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{ChatProviderOptions.Section}:{name} must be an absolute URL.");

    private static string RequiredText(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{ChatProviderOptions.Section}:{name} is required for this provider.") : value;
}
