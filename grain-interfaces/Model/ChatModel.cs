using System.Collections.Immutable;

namespace AdrPlatform.Model;

public enum ChatEventKind
{
    Started = 1,
    Delta = 2,
    Citations = 3,
    Usage = 4,
    Finished = 5,
}

[GenerateSerializer, Immutable, Alias("chat.citation")]
public sealed record ChatCitation(
    [property: Id(0)] int Number,
    [property: Id(1)] string Title,
    [property: Id(2)] string? DocumentId = null);

/// <summary>One event of a streaming answer; which fields are set depends on <see cref="Kind"/>.</summary>
[GenerateSerializer, Immutable, Alias("chat.event")]
public sealed record ChatEvent(
    [property: Id(0)] ChatEventKind Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] ImmutableArray<ChatCitation> Citations,
    [property: Id(3)] int PromptTokens,
    [property: Id(4)] int CompletionTokens,
    [property: Id(5)] decimal CostUsd,
    [property: Id(6)] string MessageId)
{
    /// <summary>Opens an answer: <see cref="Text"/> is the model.</summary>
    public static ChatEvent Started(string messageId, string model) => new(ChatEventKind.Started, model, [], 0, 0, 0, messageId);

    public static ChatEvent Delta(string text) => new(ChatEventKind.Delta, text, [], 0, 0, 0, string.Empty);

    public static ChatEvent Cited(ImmutableArray<ChatCitation> citations) => new(ChatEventKind.Citations, string.Empty, citations, 0, 0, 0, string.Empty);

    public static ChatEvent Used(int promptTokens, int completionTokens, decimal costUsd) => new(ChatEventKind.Usage, string.Empty, [], promptTokens, completionTokens, costUsd, string.Empty);

    /// <summary>Closes an answer: <see cref="Text"/> is the finish reason.</summary>
    public static ChatEvent Finished(string reason) => new(ChatEventKind.Finished, reason, [], 0, 0, 0, string.Empty);
}

[GenerateSerializer, Immutable, Alias("chat.message")]
public sealed record ChatMessageRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] bool FromUser,
    [property: Id(2)] string Text,
    [property: Id(3)] ImmutableArray<ChatCitation> Citations,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? FinishReason);

[GenerateSerializer, Immutable, Alias("chat.session")]
public sealed record ChatSessionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] ImmutableArray<ChatMessageRecord> Messages);
