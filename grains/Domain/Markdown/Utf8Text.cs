using System.Text;

namespace AdrPlatform.Domain.Markdown;

/// <summary>Strict UTF-8 decoding: a leading BOM is dropped, invalid bytes are reported instead of replaced.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes and normalises line endings to \n; returns null and a message when the bytes are not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? error)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            error = null;
            return Strict.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }
        catch (DecoderFallbackException invalid)
        {
            error = invalid.Index >= 0
                ? $"the file is not valid UTF-8 text (invalid byte near offset {invalid.Index}); save it as UTF-8 and try again"
                : "the file is not valid UTF-8 text; save it as UTF-8 and try again";
            return null;
        }
    }
}
