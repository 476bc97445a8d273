using System.Text;
using System.Text.Unicode;
using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Documents;

/// <summary>Text uploads are UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark.</summary>
internal static class TextDecoding
{
    public static bool IsText(ReadOnlySpan<byte> content) =>
        content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]
            ? content.Length % 2 == 0
            : !content.Contains((byte)0) && Utf8.IsValid(content);

    /// <summary>The decoded text without its byte order mark; in UTF-16 a lone surrogate becomes U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> content)
    {
        if (!IsText(content))
        {
            throw new DocumentRejectedException("the content is not UTF-8 text");
        }

        return content switch
        {
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(content[2..]),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(content[2..]),
            [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(content[3..]),
            _ => Encoding.UTF8.GetString(content),
        };
    }
}
