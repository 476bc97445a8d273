using System.Globalization;
using System.Text;

namespace AdrPlatform.Domain;

/// <summary>What a reader can see of a one-line text such as a title or a name.</summary>
internal static class VisibleText
{
    /// <summary>Letters that render as nothing: the Hangul fillers and the blank Braille pattern.</summary>
    private static readonly int[] BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800];

    /// <summary>
    /// True when at least one character renders as something: a letter, number, punctuation or symbol. Spaces,
    /// format characters (U+200B, U+FEFF, soft hyphen), controls and combining marks on their own show nothing.
    /// </summary>
    public static bool HasVisibleCharacter(string text) => text.EnumerateRunes().Any(IsVisible);

    /// <summary>
    /// True for the embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they make a line display
    /// in another order than it is stored, so a title could read differently from what search and links match.
    /// </summary>
    public static bool HasBidiControl(string text) => text.Any(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    private static bool IsVisible(Rune rune) =>
        !BlankLetters.Contains(rune.Value) && Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
