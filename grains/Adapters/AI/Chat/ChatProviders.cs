using System.ClientModel;
using System.ClientModel.Primitives;
using System.ComponentModel.DataAnnotations;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using AdrPlatform.Ports;
using Microsoft.Extensions.Options;
using OpenAI;

namespace AdrPlatform.Adapters.Chat;

/// <summary>Builds the configured chat provider behind <see cref="IChatClient"/>.</summary>
public static class ChatProviders
{
    public static IChatClient Create(ChatProviderOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options.Provider switch
        {
            ChatProviderOptions.OpenAI => new OpenAiCompatibleChatClient(ProviderTransport.Shared, ChatEndpoint.OpenAi(
                new Uri(options.Endpoint!), string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey, options.Model!)),
            ChatProviderOptions.AzureOpenAI => new OpenAiCompatibleChatClient(ProviderTransport.Shared, ChatEndpoint.AzureOpenAi(
                new Uri(options.Endpoint!), options.ApiKey!, options.Model!)),
            _ => new LocalExtractiveChatClient(options.LocalWordInterval, clock),
        };
    }

    /// <summary>Registers the model aliases of <see cref="ChatModelsOptions"/>, which the host binds and checks.</summary>
    public static IServiceCollection AddAdrPlatformChat(this IServiceCollection services)
    {
        services.AddSingleton<IChatModels>(provider =>
            Models(provider.GetRequiredService<IOptions<ChatModelsOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The built-in local model, for hosts configured without any chat section (test clusters).</summary>
    public static ChatModels LocalOnly(TimeProvider clock) => Models(new ChatModelsOptions(), clock);

    private static ChatModels Models(ChatModelsOptions options, TimeProvider clock) =>
        new([.. options.Aliases.Select(a => Model(a.Key, a.Value, clock))], options.DefaultAlias);

    private static ChatModel Model(string alias, ChatModelOptions options, TimeProvider clock)
    {
        var client = new ResilientChatClient([.. options.Providers.Select(p => Create(p, clock))], options.Resilience, clock);
        return new ChatModel(alias, client, options.InputPricePerMillionTokens, options.OutputPricePerMillionTokens);
    }
}
