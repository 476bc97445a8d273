using AdrPlatform.Domain.Markdown;

namespace AdrPlatform.Domain.Search;

/// <summary>
/// Cuts an ADR into heading-scoped chunks for indexing. Chunks are verbatim ranges of a section's text,
/// so highlights and snippets computed on a chunk read like the original markdown.
/// </summary>
public static class MarkdownChunker
{
    public const int MinMaxChars = 200;

    public static IReadOnlyList<TextChunk> Chunk(string title, string body, ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        Validate(options);

        var sections = Sections(body);
        var titleLine = string.Join(' ', title.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (titleLine.Length > 0)
        {
            if (sections.Count == 0)
            {
                sections.Add((string.Empty, titleLine, false));
            }
            else
            {
                var first = sections[0];
                sections[0] = (first.Heading, $"{titleLine}\n\n{first.Text}", first.HasHeadingLine);
            }
        }

        return ChunkAll(
            sections.Select((section, s) =>
                (section.Heading, section.Text, (s == 0 && titleLine.Length > 0 ? 1 : 0) + (section.HasHeadingLine ? 1 : 0))),
            options);
    }

    /// <summary>
    /// Chunks sections that are already split (e.g. from a parsed document) the same way as ADR sections: each chunk within one
    /// section, cut between sentences, preferring paragraph breaks ("\n\n"). Blank sections give no chunks.
    /// </summary>
    public static IReadOnlyList<TextChunk> ChunkSections(IEnumerable<(string Heading, string Text)> sections, ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sections);
        Validate(options);
        return ChunkAll(sections.Select(section => (section.Heading, section.Text.Trim(), 0)), options);
    }

    private static void Validate(ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxChars < MinMaxChars)
        {
            throw new ArgumentException($"MaxChars must be at least {MinMaxChars}.", nameof(options));
        }

        if (options.OverlapChars < 0 || options.OverlapChars * 2L >= options.MaxChars)
        {
            throw new ArgumentException("OverlapChars must be at least 0 and less than half of MaxChars.", nameof(options));
        }
    }

    private static List<TextChunk> ChunkAll(IEnumerable<(string Heading, string Text, int SeparateFirstLines)> sections, ChunkingOptions options)
    {
        var chunks = new List<TextChunk>();
        foreach (var (heading, text, separateFirstLines) in sections)
        {
            foreach (var (start, end) in Pack(text, Atoms(text, separateFirstLines, options.MaxChars), options))
            {
                chunks.Add(new TextChunk(chunks.Count, heading, text[start..end]));
            }
        }

        return chunks;
    }

    /// <summary>Non-blank sections in order: (heading text, section text starting with its heading line, whether it has one).</summary>
    private static List<(string Heading, string Text, bool HasHeadingLine)> Sections(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var code = MarkdownLines.CodeLines(lines);
        var sections = new List<(string, string, bool)>();
        var heading = string.Empty;
        var hasHeadingLine = false;
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var sectionHeading = i < lines.Length && !code[i] ? MarkdownLines.Heading(lines[i]) : null;
            if (i < lines.Length && sectionHeading is null)
            {
                continue;
            }

            var text = string.Join('\n', lines, start, i - start).Trim();
            if (text.Length > 0)
            {
                sections.Add((heading, text, hasHeadingLine));
            }

            if (sectionHeading is { } found)
            {
                heading = found.Text;
                hasHeadingLine = true;
                start = i;
            }
        }

        return sections;
    }

    /// <summary>
    /// Sentences (or word-boundary pieces of sentences longer than <paramref name="maxChars"/>), each marked when it
    /// starts a paragraph. The first <paramref name="separateFirstLines"/> lines (title, heading) are paragraphs of their own.
    /// </summary>
    private static List<ChunkAtom> Atoms(string text, int separateFirstLines, int maxChars)
    {
        var atoms = new List<ChunkAtom>();
        var nonBlankLines = 0;
        var paragraphStart = -1;
        var position = 0;
        while (position <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var blank = text.AsSpan(position, lineEnd - position).IsWhiteSpace();
            if (blank && paragraphStart >= 0)
            {
                AddParagraph(text, paragraphStart, position, maxChars, atoms);
                paragraphStart = -1;
            }
            else if (!blank)
            {
                if (paragraphStart < 0)
                {
                    paragraphStart = position;
                }

                if (nonBlankLines++ < separateFirstLines)
                {
                    AddParagraph(text, paragraphStart, lineEnd, maxChars, atoms);
                    paragraphStart = -1;
                }
            }

            position = lineEnd + 1;
        }

        if (paragraphStart >= 0)
        {
            AddParagraph(text, paragraphStart, text.Length, maxChars, atoms);
        }

        return atoms;
    }

    private static void AddParagraph(string text, int start, int end, int maxChars, List<ChunkAtom> atoms)
    {
        var first = true;
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            if (EndsSentence(text, i, end))
            {
                AddSentence(text, sentenceStart, i + 1, maxChars, ref first, atoms);
                sentenceStart = i + 1;
            }
        }

        AddSentence(text, sentenceStart, end, maxChars, ref first, atoms);
    }

    /// <summary>True when a sentence ends with the char at <paramref name="i"/>: terminal punctuation (and closing quotes) before whitespace, or a line before a list item, table row, quote or fence.</summary>
    private static bool EndsSentence(string text, int i, int end)
    {
        var c = text[i];
        if (c is '。' or '！' or '？')
        {
            return true;
        }

        if (c == '\n')
        {
            var next = i + 1;
            while (next < end && text[next] is ' ' or '\t')
            {
                next++;
            }

            return next < end && StartsBlock(text.AsSpan(next, end - next));
        }

        if (c is not ('.' or '!' or '?'))
        {
            return false;
        }

        var after = i + 1;
        while (after < end && text[after] is ')' or '"' or '\'' or '”' or '’' or ']' or '*' or '_')
        {
            after++;
        }

        if (after >= end)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[after]))
        {
            return false;
        }

        // A full stop before a lower-case word is taken for an abbreviation ("e.g. finding"), not a sentence end.
        var nextWord = after;
        while (nextWord < end && char.IsWhiteSpace(text[nextWord]))
        {
            nextWord++;
        }

        return c != '.' || nextWord >= end || !char.IsLower(text[nextWord]);
    }

    private static bool StartsBlock(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("```") || line.StartsWith("~~~") || line[0] is '|' or '>')
        {
            return true;
        }

        if (line[0] is '-' or '*' or '+')
        {
            return line.Length > 1 && line[1] is ' ' or '\t';
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] is ' ' or '\t';
    }

    private static void AddSentence(string text, int start, int end, int maxChars, ref bool startsParagraph, List<ChunkAtom> atoms)
    {
        (start, end) = TrimRange(text, start, end);
        if (start >= end)
        {
            return;
        }

        while (end - start > maxChars)
        {
            var cut = LastWordBreak(text, start, start + maxChars);
            var pieceEnd = cut;
            if (cut <= start)
            {
                // One word longer than maxChars: the only place a word is cut (never inside a surrogate pair).
                cut = start + maxChars;
                if (char.IsLowSurrogate(text[cut]))
                {
                    cut--;
                }

                pieceEnd = cut;
            }

            atoms.Add(new ChunkAtom(start, TrimRange(text, start, pieceEnd).End, startsParagraph));
            startsParagraph = false;
            start = TrimRange(text, cut, end).Start;
        }

        atoms.Add(new ChunkAtom(start, end, startsParagraph));
        startsParagraph = false;
    }

    /// <summary>The last whitespace position in (start, limit] at which the text may be cut, or start when there is none.</summary>
    private static int LastWordBreak(string text, int start, int limit)
    {
        for (var i = limit; i > start; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return start;
    }

    private static (int Start, int End) TrimRange(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Greedy packing of atoms into chunks of at most MaxChars, preferring paragraph breaks, each chunk after the first starting with the end of the one before.</summary>
    private static IEnumerable<(int Start, int End)> Pack(string text, List<ChunkAtom> atoms, ChunkingOptions options)
    {
        if (atoms.Count == 0)
        {
            yield break;
        }

        var max = options.MaxChars;
        var first = 0;
        var start = atoms[0].Start;
        while (true)
        {
            var next = first + 1;
            while (next < atoms.Count && atoms[next].End - start <= max)
            {
                next++;
            }

            if (next < atoms.Count && !atoms[next].StartsParagraph)
            {
                for (var p = next - 1; p > first; p--)
                {
                    if (atoms[p].StartsParagraph)
                    {
                        if (atoms[p - 1].End - start >= max / 2)
                        {
                            next = p;
                        }

                        break;
                    }
                }
            }

            yield return (start, atoms[next - 1].End);
            if (next == atoms.Count)
            {
                yield break;
            }

            start = OverlapStart(text, atoms, first, next, options);
            first = next;
        }
    }

    /// <summary>
    /// Where the chunk starting with atom <paramref name="next"/> begins: the last whole sentences of the previous chunk
    /// [<paramref name="first"/>, <paramref name="next"/>) that fit in OverlapChars, or failing that its last words.
    /// </summary>
    private static int OverlapStart(string text, List<ChunkAtom> atoms, int first, int next, ChunkingOptions options)
    {
        var overlap = options.OverlapChars;
        var previousEnd = atoms[next - 1].End;
        var mustReach = atoms[next].End;
        if (overlap == 0)
        {
            return atoms[next].Start;
        }

        var start = -1;
        for (var k = next - 1; k > first; k--)
        {
            if (previousEnd - atoms[k].Start > overlap || mustReach - atoms[k].Start > options.MaxChars)
            {
                break;
            }

            start = atoms[k].Start;
        }

        if (start >= 0)
        {
            return start;
        }

        var lastSentence = atoms[next - 1];
        for (var i = Math.Max(lastSentence.Start + 1, previousEnd - overlap); i < previousEnd; i++)
        {
            if (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i]) && mustReach - i <= options.MaxChars)
            {
                return i;
            }
        }

        return atoms[next].Start;
    }
}
