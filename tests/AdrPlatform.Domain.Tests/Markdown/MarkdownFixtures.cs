using System.Text;
using AdrPlatform.Domain.Markdown;

namespace AdrPlatform.Domain.Tests.Markdown;

/// <summary>Builds uploads from inline text and plans them with the default limits.</summary>
internal static class MarkdownFixtures
{
    public static MarkdownFile File(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    public static ImportPlan Plan(params MarkdownFile[] files) => AdrMarkdownImporter.Plan(files, ImportLimits.Default);

    public static ImportPlan Plan(ImportLimits limits, params MarkdownFile[] files) => AdrMarkdownImporter.Plan(files, limits);

    /// <summary>Imports one file and asserts it gave exactly one ADR and no problem.</summary>
    public static ImportedAdr Single(string path, string text)
    {
        var plan = Plan(File(path, text));
        Assert.Empty(plan.Problems);
        return Assert.Single(plan.Adrs);
    }

    public static ImportedAdr Adr(this ImportPlan plan, int number) => Assert.Single(plan.Adrs, a => a.Number == number);

    public static ImportProblem OnlyProblem(this ImportPlan plan)
    {
        var problem = Assert.Single(plan.Problems);
        Assert.DoesNotContain(plan.Adrs, a => a.SourcePath == problem.Path);
        return problem;
    }
}
