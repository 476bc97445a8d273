using System.Globalization;
using System.Text;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Diff;

/// <summary>Formats a line diff as a unified diff (the format of <c>diff -u</c> and <c>git diff</c>).</summary>
public static class UnifiedDiff
{
    public static VersionDiff Create(string oldText, string newText, string oldLabel, string newLabel, int contextLines)
    {
        var context = Math.Clamp(contextLines, 0, 100);
        var edits = LineDiff.Compute(SplitLines(oldText), SplitLines(newText));
        var added = edits.Count(e => e.Kind == EditKind.Insert);
        var removed = edits.Count(e => e.Kind == EditKind.Delete);
        if (added == 0 && removed == 0)
        {
            return new VersionDiff(string.Empty, 0, 0);
        }

        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');
        foreach (var (start, end) in Hunks(edits, context))
        {
            AppendHunk(output, edits, start, end);
        }

        return new VersionDiff(output.ToString(), added, removed);
    }

    public static IReadOnlyList<string> SplitLines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    /// <summary>Ranges of the edit script that each become a hunk: changes plus context, merged when close.</summary>
    private static List<(int Start, int End)> Hunks(IReadOnlyList<LineEdit> edits, int context)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == EditKind.Keep)
            {
                continue;
            }

            var start = Math.Max(0, i - context);
            var last = i;
            while (last + 1 < edits.Count)
            {
                var next = last + 1;
                while (next < edits.Count && edits[next].Kind == EditKind.Keep && next - last <= 2 * context)
                {
                    next++;
                }

                if (next < edits.Count && edits[next].Kind != EditKind.Keep)
                {
                    last = next;
                }
                else
                {
                    break;
                }
            }

            var end = Math.Min(edits.Count, last + context + 1);
            hunks.Add((start, end));
            i = end - 1;
        }

        return hunks;
    }

    private static void AppendHunk(StringBuilder output, IReadOnlyList<LineEdit> edits, int start, int end)
    {
        var oldCount = 0;
        var newCount = 0;
        for (var i = start; i < end; i++)
        {
            oldCount += edits[i].Kind == EditKind.Insert ? 0 : 1;
            newCount += edits[i].Kind == EditKind.Delete ? 0 : 1;
        }

        var first = edits[start];
        var oldStart = oldCount == 0 ? first.OldIndex : first.OldIndex + 1;
        var newStart = newCount == 0 ? first.NewIndex : first.NewIndex + 1;
        output.Append(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
        for (var i = start; i < end; i++)
        {
            var prefix = edits[i].Kind switch
            {
                EditKind.Delete => '-',
                EditKind.Insert => '+',
                _ => ' ',
            };
            output.Append(prefix).Append(edits[i].Text).Append('\n');
        }
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");
}
