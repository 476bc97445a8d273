using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AdrPlatform.Errors;

namespace AdrPlatform.Gateway.Services;

/// <summary>An opaque page token: the position after which the next page starts.</summary>
public static class PageToken
{
    private const string Prefix = "before:";

    public static string Encode(int? beforeNumber) =>
        beforeNumber is { } n ? Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + n.ToString(CultureInfo.InvariantCulture))) : string.Empty;

    public static int? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = token.Length <= 64 ? Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token)) : string.Empty;
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }

        throw AdrPlatformException.Invalid("The page token is not valid; pass back next_page_token exactly as received.");
    }
}
