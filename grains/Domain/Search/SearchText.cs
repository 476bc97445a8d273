using System.Collections.Frozen;
using System.Globalization;

namespace AdrPlatform.Domain.Search;

/// <summary>
/// The one tokenizer shared by indexing, querying and snippets: lower-cased runs of Unicode letters and
/// digits, English stop words dropped, each reduced to its <see cref="EnglishStemmer"/> stem, so that every
/// search path agrees on what a "word" is. Single letters and digits are kept: "IL-6" is "il" and "6", not "il".
/// </summary>
public static class SearchText
{
    /// <summary>PostgreSQL's <c>english</c> stop words (the Snowball list), so both indexes drop the same words.</summary>
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
        "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those",
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
        "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by",
        "for", "with", "about", "against", "between", "into", "through", "during", "before", "after", "above",
        "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then",
        "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most",
        "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t",
        "can", "will", "just", "don", "should", "now");

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
            var word = string.Create(length, (text, start), static (destination, state) =>
                state.text.AsSpan(state.start, destination.Length).ToLowerInvariant(destination));
            if (!StopWords.Contains(word))
            {
                tokens.Add(new TermToken(start, length, EnglishStemmer.Stem(word)));
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
}
