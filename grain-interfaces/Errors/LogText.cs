using System.Globalization;
using System.Text;

namespace AdrPlatform.Errors;

/// <summary>
/// Client-supplied text made safe to echo into a log line or an error message: control characters, line and
/// paragraph separators and bidirectional controls become visible escapes such as \u000A, so the text can neither
/// start a forged log line nor reorder what is printed around it; a long value is cut, with an ellipsis.
/// </summary>
public static class LogText
{
    public const int DefaultMaxLength = 64;

    public static string Escape(string? value, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var cut = value.Length > maxLength;
        var kept = cut ? value.AsSpan(0, char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength) : value.AsSpan();
        if (!cut && !value.Any(NeedsEscape))
        {
            return value;
        }

        var escaped = new StringBuilder(kept.Length + 16);
        foreach (var c in kept)
        {
            if (NeedsEscape(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return cut ? escaped.Append('…').ToString() : escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) // C0, DEL and C1, among them CR, LF and NEL
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is '\u061C' or '\u200E' or '\u200F' // bidirectional marks
        || c is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069'; // bidirectional isolates
}
