using System.Collections.Frozen;
using System.Globalization;

namespace AdrPlatform.Domain.Search;

/// <summary>
/// The one tokenizer shared by indexing, querying and snippets: lower-cased runs of Unicode letters and
/// digits, without stemming, so that every search path agrees on what a "word" is.
/// </summary>
public static class SearchText
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "does", "for", "from",
        "has", "have", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "so", "than", "that",
        "the", "their", "then", "there", "these", "they", "this", "those", "to", "us", "use", "was", "we",
        "were", "which", "will", "with");

    public static IReadOnlyList<string> Terms(string? text)
    {
        var tokens = Tokens(text);
        var terms = new string[tokens.Count];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = tokens[i].Term;
        }

        return terms;
    }

    /// <summary>The terms of <paramref name="text"/> with their positions, in text order.</summary>
    internal static List<TermToken> Tokens(string? text)
    {
        var tokens = new List<TermToken>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var position = 0;
        while (position < text.Length)
        {
            var width = WordCharWidth(text, position, continuingRun: false);
            if (width == 0)
            {
                position++;
                continue;
            }

            var start = position;
            position += width;
            while (position < text.Length && (width = WordCharWidth(text, position, continuingRun: true)) > 0)
            {
                position += width;
            }

            var length = position - start;
            if (length == 1 && IsLatinOrAscii(text[start]))
            {
                continue;
            }

            var term = string.Create(length, (text, start), static (destination, state) =>
                state.text.AsSpan(state.start, destination.Length).ToLowerInvariant(destination));
            if (!StopWords.Contains(term))
            {
                tokens.Add(new TermToken(start, length, term));
            }
        }

        return tokens;
    }

    /// <summary>0 when the char at <paramref name="index"/> cannot be part of a word, else its UTF-16 width (1, or 2 for a surrogate pair).</summary>
    private static int WordCharWidth(string text, int index, bool continuingRun)
    {
        var c = text[index];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        }

        UnicodeCategory category;
        int width;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[index + 1]));
            width = 2;
        }
        else
        {
            category = CharUnicodeInfo.GetUnicodeCategory(c);
            width = 1;
        }

        var isWordChar = category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber => true,
            // Combining marks belong to the letter before them (Devanagari vowel signs, decomposed accents).
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => continuingRun,
            _ => false,
        };
        return isWordChar ? width : 0;
    }

    /// <summary>Single characters are dropped only for Latin script, where they carry no meaning; one CJK or Greek letter can be a word.</summary>
    private static bool IsLatinOrAscii(char c) =>
        c < 0x0370
        || c is >= '\u1E00' and <= '\u1EFF'
        || c is >= '\u2C60' and <= '\u2C7F'
        || c is >= '\uA720' and <= '\uA7FF'
        || c is >= '\uFF10' and <= '\uFF5A';
}
