namespace AdrPlatform.Domain.Diff;

/// <summary>
/// Shortest line edit script between two texts (Myers' O(ND) algorithm), after the common
/// prefix and suffix are set aside. Beyond <see cref="MaxEditDistance"/> differing lines the
/// middle is reported as one replacement: still a correct diff, just not a minimal one.
/// </summary>
public static class LineDiff
{
    public const int MaxEditDistance = 2_000;

    public static IReadOnlyList<LineEdit> Compute(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        var prefix = 0;
        while (prefix < oldLines.Count && prefix < newLines.Count && oldLines[prefix] == newLines[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Count - prefix && suffix < newLines.Count - prefix
               && oldLines[oldLines.Count - 1 - suffix] == newLines[newLines.Count - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<LineEdit>(oldLines.Count + newLines.Count);
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new LineEdit(EditKind.Keep, i, i, oldLines[i]));
        }

        var oldMiddle = new Segment(oldLines, prefix, oldLines.Count - prefix - suffix);
        var newMiddle = new Segment(newLines, prefix, newLines.Count - prefix - suffix);
        edits.AddRange(Middle(oldMiddle, newMiddle));

        for (var i = suffix; i > 0; i--)
        {
            edits.Add(new LineEdit(EditKind.Keep, oldLines.Count - i, newLines.Count - i, oldLines[oldLines.Count - i]));
        }

        return edits;
    }

    private static IEnumerable<LineEdit> Middle(Segment a, Segment b)
    {
        var trace = ForwardTrace(a, b);
        return trace is null ? Replace(a, b) : Backtrack(a, b, trace);
    }

    /// <summary>The V arrays of each round d, or null when the distance exceeds the bound.</summary>
    private static List<int[]>? ForwardTrace(Segment a, Segment b)
    {
        var n = a.Length;
        var m = b.Length;
        var max = Math.Min(n + m, MaxEditDistance);
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    trace.Add(Snapshot(v, offset, d));
                    return trace;
                }
            }

            trace.Add(Snapshot(v, offset, d));
        }

        return null;
    }

    private static int[] Snapshot(int[] v, int offset, int d)
    {
        var copy = new int[(2 * d) + 3];
        Array.Copy(v, offset - d - 1, copy, 0, copy.Length);
        return copy;
    }

    private static List<LineEdit> Backtrack(Segment a, Segment b, List<int[]> trace)
    {
        var reversed = new List<LineEdit>();
        var x = a.Length;
        var y = b.Length;
        for (var d = trace.Count - 1; d > 0; d--)
        {
            var previous = trace[d - 1];
            var k = x - y;
            int At(int diagonal) => previous[diagonal + d];
            var down = k == -d || (k != d && At(k - 1) < At(k + 1));
            var previousK = down ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                x--;
                y--;
                reversed.Add(new LineEdit(EditKind.Keep, a.Start + x, b.Start + y, a[x]));
            }

            if (down)
            {
                y--;
                reversed.Add(new LineEdit(EditKind.Insert, a.Start + x, b.Start + y, b[y]));
            }
            else
            {
                x--;
                reversed.Add(new LineEdit(EditKind.Delete, a.Start + x, b.Start + y, a[x]));
            }
        }

        while (x > 0 && y > 0)
        {
            x--;
            y--;
            reversed.Add(new LineEdit(EditKind.Keep, a.Start + x, b.Start + y, a[x]));
        }

        reversed.Reverse();
        return reversed;
    }

    private static IEnumerable<LineEdit> Replace(Segment a, Segment b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            yield return new LineEdit(EditKind.Delete, a.Start + i, b.Start, a[i]);
        }

        for (var j = 0; j < b.Length; j++)
        {
            yield return new LineEdit(EditKind.Insert, a.Start + a.Length, b.Start + j, b[j]);
        }
    }

    private readonly record struct Segment(IReadOnlyList<string> Lines, int Start, int Length)
    {
        public string this[int index] => Lines[Start + index];
    }
}
