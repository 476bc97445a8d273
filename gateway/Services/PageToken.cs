using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AdrPlatform.Errors;

namespace AdrPlatform.Gateway.Services;

/// <summary>An opaque page token: a named position ("before:42", "offset:20") the next page starts from.</summary>
public static class PageToken
{
    public static string Encode(string kind, int? position) =>
        position is { } n ? Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{kind}:{n.ToString(CultureInfo.InvariantCulture)}")) : string.Empty;

    public static int? Decode(string kind, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = token.Length <= 64 ? Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token)) : string.Empty;
            var prefix = kind + ":";
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }

        throw AdrPlatformException.Invalid("The page token is not valid; pass back next_page_token exactly as received.");
    }
}
