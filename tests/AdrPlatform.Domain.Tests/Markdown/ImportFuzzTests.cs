using System.Diagnostics;
using AdrPlatform.Domain.Markdown;
using Xunit.Abstractions;

namespace AdrPlatform.Domain.Tests.Markdown;

/// <summary>
/// Real ADR files (MADR, adr-tools, log4brains, read at run time from the shared corpora) damaged at random with a fixed
/// seed: the importer never throws and always gives each file a clear result, an ADR or problems naming the file.
/// Fails when the corpora are missing unless ADR_CORPORA_OPTIONAL=1.
/// </summary>
public sealed class ImportFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_125;
    private const int Cases = 3_000;
    private static readonly string[] Corpora = ["adr__madr", "npryce__adr-tools", "thomvaill__log4brains"];

    [CorporaFact]
    public void Damaged_real_adr_files_are_imported_or_refused_never_thrown()
    {
        var root = AdrCorpora.Require();

        var originals = Corpora
            .SelectMany(corpus => Directory.GetFiles(Path.Combine(root, corpus), "*.md"))
            .Where(path => char.IsAsciiDigit(Path.GetFileName(path)[0]))
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Content: File.ReadAllBytes(path)))
            .ToList();
        Assert.True(originals.Count >= 20, $"only {originals.Count} ADR files found under {root}");
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var imported = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (name, content) = originals[random.Next(originals.Count)];
            var damaged = ImportMutations.Apply(random, content, out var applied);
            var plan = Plan(name, damaged, $"case {i}: {name} after {applied}");

            var adr = plan.Adrs.SingleOrDefault(a => a.SourcePath == name);
            var problems = plan.Problems.Where(p => p.Path == name).ToList();
            Assert.True(adr is not null ^ problems.Count > 0, $"case {i}: {name} after {applied} has neither or both an ADR and problems");
            foreach (var (path, message) in plan.Problems.Select(p => (p.Path, p.Message)).Concat(plan.Warnings.Select(w => (w.Path, w.Message))))
            {
                Assert.Equal(name, path);
                Assert.False(string.IsNullOrWhiteSpace(message), $"case {i}: {name} after {applied} has an empty message");
            }

            imported += adr is null ? 0 : 1;
        }

        output.WriteLine($"{Cases} damaged files: {imported} imported, {Cases - imported} refused, in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.InRange(imported, 1, Cases - 1);
    }

    private static ImportPlan Plan(string name, byte[] damaged, string what)
    {
        try
        {
            return AdrMarkdownImporter.Plan([new MarkdownFile(name, damaged)], ImportLimits.Default);
        }
        catch (Exception thrown) when (thrown is not OutOfMemoryException)
        {
            Assert.Fail($"{what} threw {thrown}");
            throw;
        }
    }
}
