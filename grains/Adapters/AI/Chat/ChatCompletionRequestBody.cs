using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Chat;

/// <summary>The JSON body of a streaming chat completions request, with usage asked for in the last chunk.</summary>
internal static class ChatCompletionRequestBody
{
    /// <exception cref="NotSupportedException">The options ask for something this client does not send (tools, a response format).</exception>
    public static HttpContent Create(ChatEndpoint endpoint, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (options is { Tools.Count: > 0 } || options?.ResponseFormat is not null)
        {
            throw new NotSupportedException("The OpenAI-compatible chat client sends text conversations only: no tools, no response format.");
        }

        var body = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            if (endpoint.Model is { } model)
            {
                json.WriteString("model", model);
            }

            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteString("content", message.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("stream", true);
            json.WriteStartObject("stream_options");
            json.WriteBoolean("include_usage", true);
            json.WriteEndObject();
            if (options?.MaxOutputTokens is { } maxTokens)
            {
                json.WriteNumber(endpoint.MaxTokensField, maxTokens);
            }

            if (options?.Temperature is { } temperature)
            {
                json.WriteNumber("temperature", temperature);
            }

            if (options?.TopP is { } topP)
            {
                json.WriteNumber("top_p", topP);
            }

            json.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
