using System.Text.Json;
using AdrPlatform.Errors;

namespace AdrPlatform.Adapters.Chat;

/// <summary>The message of an OpenAI-style error (<c>{"error": {"message": …}}</c>), shortened and escaped for logs and callers.</summary>
internal static class ProviderErrorMessage
{
    private const int MaxLength = 200;

    /// <summary>The message of an error body; null when the body is not one.</summary>
    public static string? FromBody(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isError = reader.ValueTextEquals("error"u8);
                reader.Read();
                if (isError)
                {
                    return Read(ref reader);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the caller says so with the status alone.
        }

        return null;
    }

    /// <summary>Reads the value of an "error" property: an object with a message, or a bare string.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return LogText.Escape(reader.GetString(), MaxLength);
        }

        var message = "(no message)";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return message;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isMessage && reader.TokenType == JsonTokenType.String)
            {
                message = LogText.Escape(reader.GetString(), MaxLength);
            }
            else
            {
                reader.Skip();
            }
        }

        return message;
    }
}
