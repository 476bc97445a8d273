using System.Collections.Frozen;
using System.Text;

namespace AdrPlatform.Domain.Search;

/// <summary>
/// The Porter2 ("Snowball English") stemmer, the algorithm PostgreSQL's <c>english</c> text search configuration
/// uses, so in-memory and PostgreSQL search reduce words alike ("databases", "database" → "databas").
/// Takes one lower-cased word without apostrophes (the tokenizer splits at them, as PostgreSQL's parser does),
/// so the algorithm's apostrophe step has nothing to do.
/// </summary>
public static class EnglishStemmer
{
    private static readonly FrozenDictionary<string, string> Exceptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> InvariantAfterStep1A = FrozenSet.Create(
        StringComparer.Ordinal, "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed");

    private static readonly string[] R1Prefixes = ["gener", "commun", "arsen"];

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
        ("bli", "ble"), ("ogi", "og"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        // Every rule removes or replaces a suffix ending in a Latin letter: numbers, CJK and Greek words pass as they are.
        if (word.Length <= 2 || !char.IsAsciiLetterLower(word[^1]))
        {
            return word;
        }

        if (Exceptions.TryGetValue(word, out var exception))
        {
            return exception;
        }

        var w = new StringBuilder(word);
        MarkConsonantYs(w);
        var r1 = RegionOne(w);
        var r2 = RegionAfter(w, r1);

        Step1A(w);
        if (w.Length is >= 6 and <= 7 && InvariantAfterStep1A.Contains(w.ToString()))
        {
            return w.ToString();
        }

        Step1B(w, r1);
        Step1C(w);
        Step2(w, r1);
        Step3(w, r1, r2);
        Step4(w, r2);
        Step5(w, r1, r2);
        return w.Replace('Y', 'y').ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>An initial y, and a y after a vowel, act as consonants: they are marked Y until the end.</summary>
    private static void MarkConsonantYs(StringBuilder w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 'y' && (i == 0 || IsVowel(w[i - 1])))
            {
                w[i] = 'Y';
            }
        }
    }

    private static int RegionOne(StringBuilder w)
    {
        foreach (var prefix in R1Prefixes)
        {
            if (StartsWith(w, prefix))
            {
                return prefix.Length;
            }
        }

        return RegionAfter(w, 0);
    }

    /// <summary>The start of the region after the first non-vowel that follows a vowel, at or after <paramref name="from"/>.</summary>
    private static int RegionAfter(StringBuilder w, int from)
    {
        for (var i = from + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static void Step1A(StringBuilder w)
    {
        if (EndsWith(w, "sses"))
        {
            w.Length -= 2;
        }
        else if (EndsWith(w, "ied") || EndsWith(w, "ies"))
        {
            w.Length -= w.Length > 4 ? 2 : 1;
        }
        else if (EndsWith(w, "us") || EndsWith(w, "ss"))
        {
            return;
        }
        else if (EndsWith(w, "s") && HasVowel(w, 0, w.Length - 2))
        {
            w.Length -= 1;
        }
    }

    private static void Step1B(StringBuilder w, int r1)
    {
        if (EndsWith(w, "eedly") || EndsWith(w, "eed"))
        {
            var suffix = EndsWith(w, "eedly") ? 5 : 3;
            if (w.Length - suffix >= r1)
            {
                w.Length -= suffix - 2;
            }

            return;
        }

        var length = EndsWith(w, "ingly") ? 5 : EndsWith(w, "edly") ? 4 : EndsWith(w, "ing") ? 3 : EndsWith(w, "ed") ? 2 : 0;
        if (length == 0 || !HasVowel(w, 0, w.Length - length))
        {
            return;
        }

        w.Length -= length;
        if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz"))
        {
            w.Append('e');
        }
        else if (EndsWithDouble(w))
        {
            w.Length -= 1;
        }
        else if (r1 >= w.Length && EndsWithShortSyllable(w, w.Length))
        {
            // A short word (empty R1, a short syllable at its end) gets its e back: hoped → hope.
            w.Append('e');
        }
    }

    private static void Step1C(StringBuilder w)
    {
        var last = w.Length - 1;
        if (w.Length > 2 && (w[last] == 'y' || w[last] == 'Y') && !IsVowel(w[last - 1]))
        {
            w[last] = 'i';
        }
    }

    private static void Step2(StringBuilder w, int r1)
    {
        foreach (var (suffix, replacement) in Step2Rules)
        {
            if (!EndsWith(w, suffix))
            {
                continue;
            }

            var start = w.Length - suffix.Length;
            var allowed = start >= r1 && suffix switch
            {
                "ogi" => start > 0 && w[start - 1] == 'l',
                "li" => start > 0 && w[start - 1] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't',
                _ => true,
            };
            if (allowed)
            {
                w.Length = start;
                w.Append(replacement);
            }

            return;
        }
    }

    private static void Step3(StringBuilder w, int r1, int r2)
    {
        foreach (var (suffix, replacement) in Step3Rules)
        {
            if (!EndsWith(w, suffix))
            {
                continue;
            }

            var start = w.Length - suffix.Length;
            if (start >= r1 && (suffix != "ative" || start >= r2))
            {
                w.Length = start;
                w.Append(replacement);
            }

            return;
        }
    }

    private static void Step4(StringBuilder w, int r2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!EndsWith(w, suffix))
            {
                continue;
            }

            var start = w.Length - suffix.Length;
            if (start >= r2 && (suffix != "ion" || (start > 0 && w[start - 1] is 's' or 't')))
            {
                w.Length = start;
            }

            return;
        }
    }

    private static void Step5(StringBuilder w, int r1, int r2)
    {
        var last = w.Length - 1;
        if (w[last] == 'e')
        {
            if (last >= r2 || (last >= r1 && !EndsWithShortSyllable(w, last)))
            {
                w.Length = last;
            }
        }
        else if (w[last] == 'l' && last >= r2 && last > 0 && w[last - 1] == 'l')
        {
            w.Length = last;
        }
    }

    /// <summary>
    /// Whether the letters before <paramref name="end"/> end in a short syllable: non-vowel, vowel, non-vowel other
    /// than w, x or Y; or, at the start of the word, vowel then non-vowel.
    /// </summary>
    private static bool EndsWithShortSyllable(StringBuilder w, int end)
    {
        if (end == 2)
        {
            return IsVowel(w[0]) && !IsVowel(w[1]);
        }

        return end >= 3
            && !IsVowel(w[end - 3]) && IsVowel(w[end - 2]) && !IsVowel(w[end - 1])
            && w[end - 1] is not ('w' or 'x' or 'Y');
    }

    private static bool EndsWithDouble(StringBuilder w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

    private static bool HasVowel(StringBuilder w, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsVowel(w[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(StringBuilder w, string prefix)
    {
        if (w.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (w[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWith(StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length)
        {
            return false;
        }

        var offset = w.Length - suffix.Length;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
