using System.Runtime.CompilerServices;
using AdrPlatform.Domain.Chat;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// The embedded default's chat provider, and honest about it: there is no language model here. It
/// answers by quoting the grounding passages' sentences that share the most words with the question
/// (<see cref="ExtractiveAnswer"/>), with their citations, and streams the answer word by word at a
/// configurable pace so clients see real streaming. It reports no token usage (the platform counts
/// with its tokenizer), and "max output tokens" limits words. Production
/// configures an OpenAI-compatible or Azure OpenAI provider.
/// </summary>
public sealed class LocalExtractiveChatClient(TimeSpan wordInterval, TimeProvider clock) : IChatClient
{
    public const string ProviderName = "local-extractive";
    public const string ModelId = "adrplatform-extractive-v1";

    private static readonly ChatClientMetadata Metadata = new(ProviderName, defaultModelId: ModelId);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var conversation = messages.ToList();
        var passages = conversation.Where(m => m.Role == ChatRole.System).SelectMany(m => GroundingPrompt.Parse(m.Text)).ToList();
        var question = conversation.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var words = ExtractiveAnswer.Compose(question, passages).Split(' ');
        var limit = options?.MaxOutputTokens is { } max && max > 0 ? Math.Min(max, words.Length) : words.Length;
        var responseId = Guid.NewGuid().ToString("N");
        for (var i = 0; i < limit; i++)
        {
            if (i > 0 && wordInterval > TimeSpan.Zero)
            {
                await Task.Delay(wordInterval, clock, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i]) { ResponseId = responseId, ModelId = ModelId };
        }

        // No usage is reported: there are no model tokens here, so the platform counts with its tokenizer.
        yield return new ChatResponseUpdate
        {
            ResponseId = responseId,
            ModelId = ModelId,
            FinishReason = limit < words.Length ? ChatFinishReason.Length : ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
