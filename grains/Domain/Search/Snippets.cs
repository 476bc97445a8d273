using System.Text;

namespace AdrPlatform.Domain.Search;

public static class Snippets
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The window of at most <paramref name="maxChars"/> characters of <paramref name="text"/> (whitespace collapsed)
    /// holding the most distinct query terms, cut at word boundaries; "…" marks a cut and is not counted in the window.
    /// </summary>
    public static Snippet Make(string text, IReadOnlyCollection<string> terms, int maxChars = 240)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);

        var collapsed = CollapseWhitespace(text);
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in terms)
        {
            foreach (var term in SearchText.Terms(raw))
            {
                termIds.TryAdd(term, termIds.Count);
            }
        }

        var matches = new List<(TermToken Token, int TermId)>();
        if (termIds.Count > 0)
        {
            foreach (var token in SearchText.Tokens(collapsed))
            {
                if (termIds.TryGetValue(token.Term, out var id))
                {
                    matches.Add((token, id));
                }
            }
        }

        var best = BestWindow(matches, termIds.Count, maxChars);
        var (start, end) = best is { } window
            ? Around(collapsed, matches[window.First].Token.Start, End(matches[window.Last].Token), maxChars)
            : FromStart(collapsed, maxChars);

        var prefix = start > 0 ? Ellipsis : string.Empty;
        var suffix = end < collapsed.Length ? Ellipsis : string.Empty;
        var highlights = new List<Highlight>();
        foreach (var (token, _) in matches)
        {
            if (token.Start >= start && End(token) <= end)
            {
                highlights.Add(new Highlight(token.Start - start + prefix.Length, token.Length));
            }
        }

        return new Snippet(string.Concat(prefix, collapsed.AsSpan(start, end - start), suffix), highlights);
    }

    private static int End(TermToken token) => token.Start + token.Length;

    /// <summary>First and last match of the span with the most distinct terms (then the most matches, then the earliest) that fits in maxChars.</summary>
    private static (int First, int Last)? BestWindow(List<(TermToken Token, int TermId)> matches, int termCount, int maxChars)
    {
        var counts = new int[termCount];
        var distinct = 0;
        var left = 0;
        (int First, int Last)? best = null;
        var bestDistinct = 0;
        var bestTotal = 0;
        for (var right = 0; right < matches.Count; right++)
        {
            if (matches[right].Token.Length > maxChars)
            {
                Array.Clear(counts);
                distinct = 0;
                left = right + 1;
                continue;
            }

            if (counts[matches[right].TermId]++ == 0)
            {
                distinct++;
            }

            while (End(matches[right].Token) - matches[left].Token.Start > maxChars)
            {
                if (--counts[matches[left].TermId] == 0)
                {
                    distinct--;
                }

                left++;
            }

            var total = right - left + 1;
            if (distinct > bestDistinct || (distinct == bestDistinct && total > bestTotal))
            {
                best = (left, right);
                bestDistinct = distinct;
                bestTotal = total;
            }
        }

        return best;
    }

    /// <summary>A window of at most maxChars around [spanStart, spanEnd), centred on it, with both ends moved to word boundaries outside the span.</summary>
    private static (int Start, int End) Around(string text, int spanStart, int spanEnd, int maxChars)
    {
        var room = maxChars - (spanEnd - spanStart);
        var start = Math.Max(0, spanStart - (room / 2));
        var end = Math.Min(text.Length, start + maxChars);
        start = Math.Max(0, end - maxChars);

        if (start > 0 && text[start - 1] != ' ')
        {
            var space = text.IndexOf(' ', start, spanStart - start);
            start = space < 0 ? spanStart : space + 1;
        }

        if (end < text.Length && text[end] != ' ' && text[end - 1] != ' ')
        {
            var space = text.LastIndexOf(' ', end - 1, end - spanEnd);
            end = space < 0 ? spanEnd : space;
        }

        return TrimSpaces(text, start, end);
    }

    private static (int Start, int End) FromStart(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return (0, text.Length);
        }

        var end = maxChars;
        if (text[end] != ' ')
        {
            var space = text.LastIndexOf(' ', end - 1);
            end = space > 0 ? space : char.IsLowSurrogate(text[end]) ? end - 1 : end;
        }

        return TrimSpaces(text, 0, end);
    }

    private static (int Start, int End) TrimSpaces(string text, int start, int end)
    {
        while (start < end && text[start] == ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        return (start, end);
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
