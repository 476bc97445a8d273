using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// Streams chat completions from an OpenAI-compatible server (OpenAI, Azure OpenAI, vLLM, …). The front
/// silo streams every token of every answer through here, so it reads the server-sent events itself
/// (<see cref="ServerSentEventReader"/>, <see cref="ChatCompletionChunk"/>) instead of through the OpenAI SDK,
/// whose object graph per chunk was most of the front silo's CPU per token. Failures surface as
/// <see cref="HttpRequestException"/> (with the status when the server answered one),
/// <see cref="InvalidDataException"/> (a malformed or oversized event) or <see cref="TimeoutException"/>
/// (nothing received for <see cref="ReadIdleTimeout"/>), for <see cref="ResilientChatClient"/> to judge.
/// </summary>
internal sealed class OpenAiCompatibleChatClient(HttpClient http, ChatEndpoint endpoint) : IChatClient
{
    /// <summary>How long the provider may send nothing at all, before the headers or between events.</summary>
    public static readonly TimeSpan ReadIdleTimeout = TimeSpan.FromSeconds(100);

    private const int MaxErrorBodyBytes = 16 << 10;

    private readonly ChatClientMetadata _metadata = new(endpoint.ProviderName, endpoint.CompletionsUrl, endpoint.Model);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(ReadIdleTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.CompletionsUrl) { Content = ChatCompletionRequestBody.Create(endpoint, messages, options) };
        if (endpoint.AuthHeader is { } header)
        {
            request.Headers.TryAddWithoutValidation(header, endpoint.AuthValue);
        }

        // Disposing the response before its end closes the connection (ProviderTransport): that is what stops the provider.
        using var response = await Send(request, idle.Token, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await Refusal(response, cancellationToken);
        }

        using var events = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var finished = false;
        while (true)
        {
            idle.CancelAfter(ReadIdleTimeout);
            ReadOnlyMemory<byte> data;
            try
            {
                data = await events.NextAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw IdleTimeout();
            }

            if (data.IsEmpty)
            {
                // Without [DONE] or a finish reason, the connection was cut mid-answer.
                if (!finished)
                {
                    throw new HttpIOException(HttpRequestError.ResponseEnded, "The chat provider's stream ended before the answer did.");
                }

                yield break;
            }

            if (data.Span.SequenceEqual("[DONE]"u8))
            {
                yield break;
            }

            var chunk = ChatCompletionChunk.Parse(data.Span);
            finished |= chunk.FinishReason is not null;
            if (Update(chunk) is { } update)
            {
                yield return update;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The HTTP client is shared by every provider (ProviderTransport).
    }

    /// <summary>The update a chunk makes; none for a chunk with nothing in it (the role-only first chunk).</summary>
    private static ChatResponseUpdate? Update(ChatCompletionChunk chunk)
    {
        if (chunk is { Text: null or "", FinishReason: null, Usage: null })
        {
            return null;
        }

        var update = new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = chunk.FinishReason };
        if (chunk.Text is { Length: > 0 } text)
        {
            update.Contents.Add(new TextContent(text));
        }

        if (chunk.Usage is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        return update;
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken idleToken, CancellationToken callerToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idleToken);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw IdleTimeout();
        }
    }

    private static TimeoutException IdleTimeout() => new($"The chat provider sent nothing for {ReadIdleTimeout.TotalSeconds:F0} s.");

    private static async Task<HttpRequestException> Refusal(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = new byte[MaxErrorBodyBytes];
        var length = 0;
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            for (int read; length < body.Length && (read = await stream.ReadAsync(body.AsMemory(length), cancellationToken)) > 0;)
            {
                length += read;
            }
        }

        var message = ProviderErrorMessage.FromBody(body.AsSpan(0, length)) is { } text ? ": " + text : ".";
        return new HttpRequestException(HttpRequestError.Unknown, $"The chat provider answered {(int)response.StatusCode} {response.ReasonPhrase}{message}", null, response.StatusCode);
    }
}
