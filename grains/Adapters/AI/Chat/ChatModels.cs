using AdrPlatform.Errors;
using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.Chat;

/// <summary>The configured model aliases; an empty alias means the default one.</summary>
public sealed class ChatModels(IReadOnlyList<ChatModel> models, string defaultAlias) : IChatModels, IDisposable
{
    public ChatModel Resolve(string? requested)
    {
        var alias = string.IsNullOrWhiteSpace(requested) ? defaultAlias : requested;
        return models.FirstOrDefault(m => string.Equals(m.Alias, alias.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw AdrPlatformException.Invalid($"Unknown model \"{LogText.Escape(alias, 40)}\"; configured: {string.Join(", ", models.Select(m => m.Alias))}.");
    }

    public void Dispose()
    {
        foreach (var model in models)
        {
            model.Client.Dispose();
        }
    }
}
