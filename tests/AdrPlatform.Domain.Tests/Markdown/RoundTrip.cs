using System.Text;
using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Tests.Markdown;

/// <summary>Turns a plan into stored-looking records, exports them, imports the export, and compares.</summary>
internal static class RoundTrip
{
    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static List<AdrRecord> Records(ImportPlan plan) =>
        [.. plan.Adrs.Select(a => new AdrRecord(
            "tenant-a", a.Number, a.Content, a.Status, a.StatusNote, 1, At, "importer", At, "importer", null,
            [.. plan.Links.Where(l => l.From == a.Number || l.To == a.Number)]))];

    public static ImportPlan ExportAndImport(IReadOnlyList<AdrRecord> records) =>
        AdrMarkdownImporter.Plan(
            [.. AdrMarkdownExporter.Export(records).Select(f => new MarkdownFile(f.Path, Encoding.UTF8.GetBytes(f.Markdown)))],
            ImportLimits.Default);

    public static void AssertSameAdrs(ImportPlan expected, ImportPlan actual)
    {
        Assert.Empty(actual.Problems);
        Assert.Equal(expected.Adrs.Select(a => a.Number), actual.Adrs.Select(a => a.Number));
        foreach (var (before, after) in expected.Adrs.Zip(actual.Adrs))
        {
            AssertSameAdr(before.Number, before.Content, before.Status, before.StatusNote, after);
        }

        Assert.Equal(expected.Links, actual.Links);
    }

    public static void AssertSameAdr(int number, AdrContent content, AdrStatus status, string? note, ImportedAdr actual)
    {
        Assert.Equal(number, actual.Number);
        Assert.Equal(content.Title, actual.Content.Title);
        Assert.Equal(content.Body, actual.Content.Body);
        Assert.Equal<string>(content.Tags, actual.Content.Tags);
        Assert.Equal<string>(content.Deciders, actual.Content.Deciders);
        Assert.Equal(content.DecisionDate, actual.Content.DecisionDate);
        Assert.Equal(status, actual.Status);
        Assert.Equal(note, actual.StatusNote);
    }
}
