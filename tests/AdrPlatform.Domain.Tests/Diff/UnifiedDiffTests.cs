using AdrPlatform.Domain.Diff;

namespace AdrPlatform.Domain.Tests.Diff;

public class UnifiedDiffTests
{
    [Fact]
    public void Identical_texts_have_an_empty_diff()
    {
        var diff = UnifiedDiff.Create("a\nb", "a\nb", "old", "new", 3);
        Assert.Equal(string.Empty, diff.UnifiedDiff);
        Assert.Equal(0, diff.AddedLines + diff.RemovedLines);
    }

    [Fact]
    public void A_changed_line_in_the_middle_shows_with_context()
    {
        var diff = UnifiedDiff.Create("1\n2\n3\n4\n5\n6\n7\n8", "1\n2\n3\n4\nfive\n6\n7\n8", "v1", "v2", 2);
        Assert.Equal("--- v1\n+++ v2\n@@ -3,5 +3,5 @@\n 3\n 4\n-5\n+five\n 6\n 7\n", diff.UnifiedDiff);
        Assert.Equal(1, diff.AddedLines);
        Assert.Equal(1, diff.RemovedLines);
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_close_ones_merge()
    {
        var old = string.Join('\n', Enumerable.Range(1, 20));
        var changed = old.Replace("\n2\n", "\nB\n", StringComparison.Ordinal).Replace("\n18\n", "\nR\n", StringComparison.Ordinal);
        Assert.Equal(2, UnifiedDiff.Create(old, changed, "a", "b", 3).UnifiedDiff.Split("@@ -").Length - 1);
        var close = old.Replace("\n2\n", "\nB\n", StringComparison.Ordinal).Replace("\n6\n", "\nF\n", StringComparison.Ordinal);
        Assert.Equal(1, UnifiedDiff.Create(old, close, "a", "b", 3).UnifiedDiff.Split("@@ -").Length - 1);
    }

    [Fact]
    public void Insertion_into_an_empty_text_uses_a_zero_range()
    {
        var diff = UnifiedDiff.Create(string.Empty, "x\ny", "a", "b", 3);
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", diff.UnifiedDiff);
    }

    [Fact]
    public void Pure_insertion_after_a_line_names_that_line()
    {
        var diff = UnifiedDiff.Create("a\nb", "a\nnew\nb", "x", "y", 0);
        Assert.Equal("--- x\n+++ y\n@@ -1,0 +2 @@\n+new\n", diff.UnifiedDiff);
    }

    [Fact]
    public void Applying_the_edit_script_rebuilds_the_new_text()
    {
        var random = new Random(12345);
        for (var round = 0; round < 200; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(0, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var b = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(0, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var edits = LineDiff.Compute(a, b);
            Assert.Equal(a, edits.Where(e => e.Kind != EditKind.Insert).Select(e => e.Text));
            Assert.Equal(b, edits.Where(e => e.Kind != EditKind.Delete).Select(e => e.Text));
            Assert.Equal(Lcs(a, b), edits.Count(e => e.Kind == EditKind.Keep));
        }
    }

    [Fact]
    public void Texts_beyond_the_edit_bound_still_diff_correctly()
    {
        var a = Enumerable.Range(0, 3000).Select(i => $"a{i}").ToList();
        var b = Enumerable.Range(0, 3000).Select(i => $"b{i}").ToList();
        var edits = LineDiff.Compute(a, b);
        Assert.Equal(a, edits.Where(e => e.Kind != EditKind.Insert).Select(e => e.Text));
        Assert.Equal(b, edits.Where(e => e.Kind != EditKind.Delete).Select(e => e.Text));
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }
}
