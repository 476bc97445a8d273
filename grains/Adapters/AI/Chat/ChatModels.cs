using AdrPlatform.Errors;

namespace AdrPlatform.Adapters.Chat;

/// <summary>The configured model aliases; an empty alias means the default one.</summary>
public sealed class ChatModels(IReadOnlyList<ChatModel> models, string defaultAlias) : IDisposable
{
    public ChatModel Resolve(string? alias)
    {
        if (string.IsNullOrWhiteSpace(alias))
        {
            alias = defaultAlias;
        }

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
