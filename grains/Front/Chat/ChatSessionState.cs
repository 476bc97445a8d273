using AdrPlatform.Model;

namespace AdrPlatform.Grains.Chat;

[GenerateSerializer, Alias("chat.session.state")]
public sealed class ChatSessionState
{
    [Id(0)]
    public string? Owner { get; set; }

    [Id(1)]
    public string Title { get; set; } = string.Empty;

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public List<ChatMessageRecord> Messages { get; set; } = [];
}
