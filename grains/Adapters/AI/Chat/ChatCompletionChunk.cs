using System.Text.Json;
using AdrPlatform.Errors;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// What the platform uses of one "chat.completion.chunk" event: the first choice's text delta and finish
/// reason, and the usage sent with the last chunk. Read with <see cref="Utf8JsonReader"/> straight from
/// the event's bytes; everything else in the chunk is skipped without being materialised.
/// </summary>
internal readonly record struct ChatCompletionChunk(string? Text, ChatFinishReason? FinishReason, UsageDetails? Usage)
{
    /// <exception cref="InvalidDataException">The event is not a JSON object.</exception>
    /// <exception cref="HttpRequestException">The event is an error the provider sent instead of a chunk.</exception>
    public static ChatCompletionChunk Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed("it is not a JSON object");
            }

            var chunk = default(ChatCompletionChunk);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("choices"u8))
                {
                    reader.Read();
                    chunk = ReadFirstChoice(ref reader) with { Usage = chunk.Usage };
                }
                else if (reader.ValueTextEquals("usage"u8))
                {
                    reader.Read();
                    chunk = chunk with { Usage = ReadUsage(ref reader) };
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The chat provider sent an error mid-stream: {ProviderErrorMessage.Read(ref reader)}");
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return chunk;
        }
        catch (JsonException error)
        {
            throw Malformed(error.Message);
        }
        catch (FormatException error)
        {
            // A token count that is not a whole number.
            throw Malformed(error.Message);
        }
    }

    private static InvalidDataException Malformed(string why) =>
        new($"The chat provider sent an event that is not a chat completion chunk: {LogText.Escape(why, 200)}");

    private static ChatCompletionChunk ReadFirstChoice(ref Utf8JsonReader reader)
    {
        var chunk = default(ChatCompletionChunk);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return chunk;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return chunk; // no choices: the usage-only chunk
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                chunk = chunk with { Text = ReadDeltaText(ref reader) };
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                chunk = chunk with { FinishReason = ReadFinishReason(ref reader) };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Further choices (n > 1, which the platform never asks for) are skipped.
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }

        return chunk;
    }

    private static string? ReadDeltaText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isContent = reader.ValueTextEquals("content"u8);
            reader.Read();
            if (isContent && reader.TokenType == JsonTokenType.String)
            {
                text = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return text;
    }

    private static ChatFinishReason? ReadFinishReason(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.String ? null
        : reader.ValueTextEquals("stop"u8) ? ChatFinishReason.Stop
        : reader.ValueTextEquals("length"u8) ? ChatFinishReason.Length
        : new ChatFinishReason(reader.GetString()!);

    private static UsageDetails? ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var usage = new UsageDetails();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                usage.InputTokenCount = ReadCount(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                usage.OutputTokenCount = ReadCount(ref reader);
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                usage.TotalTokenCount = ReadCount(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return usage;
    }

    private static long? ReadCount(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        reader.Skip();
        return null;
    }
}
