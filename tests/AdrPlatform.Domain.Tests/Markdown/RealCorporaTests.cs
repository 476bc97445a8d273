using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;
using Xunit.Abstractions;

namespace AdrPlatform.Domain.Tests.Markdown;

/// <summary>
/// Imports six real ADR logs (read at run time from the shared corpora folder, never copied into the repository) and
/// checks that nothing is lost. Fails when the corpora are missing unless ADR_CORPORA_OPTIONAL=1.
/// </summary>
public sealed partial class RealCorporaTests(ITestOutputHelper output)
{
    private static readonly string[] NotAdrs = ["index.md", "README.md", "template.md", "adr-template.md", "SOURCE.txt"];

    private static readonly Dictionary<string, (int Count, string[] Links, string[] Superseded)> Expected = new()
    {
        ["JabRef__jabref"] = (70, ["0057 supersedes 0045"], ["0045"]),
        ["adr__madr"] = (19, [], []),
        ["alphagov__govuk-aws"] = (38, ["0015 supersedes 0004", "0017 amends 0010", "0033 supersedes 0003"], ["0003", "0004"]),
        ["elastisys__compliantkubernetes"] = (57,
            ["0019 supersedes 0003", "0046 supersedes 0011", "0017 supersedes 0012", "0040 supersedes 0016", "0056 supersedes 0023"],
            ["0003", "0011", "0012", "0016", "0023"]),
        ["npryce__adr-tools"] = (9, ["0009 amends 0005"], []),
        ["thomvaill__log4brains"] = (9, ["20201016 supersedes 20200926"], ["20200926"]),
    };

    public static TheoryData<string> Corpora => [.. Expected.Keys];

    [CorporaTheory]
    [MemberData(nameof(Corpora))]
    public void Every_adr_file_imports_without_problems(string corpus)
    {
        var loaded = Load(corpus);

        var (files, plan) = loaded;
        Assert.Empty(plan.Problems);
        Assert.Equal(Expected[corpus].Count, plan.Adrs.Count);
        Assert.Equal(
            files.Select(f => f.Path).Where(p => !NotAdrs.Contains(p, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal),
            plan.Adrs.Select(a => a.SourcePath).Order(StringComparer.Ordinal));
        Assert.All(plan.Skipped, s => Assert.Contains(s.Path, NotAdrs, StringComparer.OrdinalIgnoreCase));
    }

    [CorporaTheory]
    [MemberData(nameof(Corpora))]
    public void Titles_are_the_h1_without_number_and_link_prefixes(string corpus)
    {
        var loaded = Load(corpus);

        foreach (var (adr, text) in Pairs(loaded))
        {
            var h1 = text.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
            var expected = NumberPrefix().Replace(SupersededPrefix().Replace(h1, string.Empty), string.Empty);
            Assert.False(string.IsNullOrWhiteSpace(adr.Content.Title), adr.SourcePath);
            Assert.Equal(expected, adr.Content.Title);
        }
    }

    [CorporaTheory]
    [MemberData(nameof(Corpora))]
    public void Numbers_come_from_file_names_and_dates_from_date_lines(string corpus)
    {
        var loaded = Load(corpus);

        var datePrefixed = loaded.Plan.Adrs.All(a => DatePrefix().IsMatch(a.SourcePath));
        var byName = loaded.Plan.Adrs.OrderBy(a => a.SourcePath, StringComparer.Ordinal).ToList();
        for (var i = 0; i < byName.Count; i++)
        {
            var expected = datePrefixed ? i + 1 : int.Parse(LeadingDigits().Match(byName[i].SourcePath).Value, CultureInfo.InvariantCulture);
            Assert.Equal(expected, byName[i].Number);
        }

        foreach (var (adr, text) in Pairs(loaded))
        {
            var line = DateLine().Match(text);
            if (line.Success)
            {
                Assert.Equal(DateOnly.ParseExact(line.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), adr.Content.DecisionDate);
            }
        }
    }

    [CorporaTheory]
    [MemberData(nameof(Corpora))]
    public void Statuses_map_and_keep_their_raw_text_when_not_canonical(string corpus)
    {
        var loaded = Load(corpus);

        foreach (var (adr, text) in Pairs(loaded))
        {
            var raw = RawStatus(text);
            if (raw is null)
            {
                Assert.Equal((AdrStatus.Accepted, (string?)null), (adr.Status, adr.StatusNote));
            }
            else if (Enum.TryParse<AdrStatus>(raw, ignoreCase: true, out var canonical) && raw.All(char.IsLetter))
            {
                Assert.Equal((canonical, (string?)null), (adr.Status, adr.StatusNote));
            }
            else
            {
                Assert.Equal(raw, adr.StatusNote);
            }

            if (raw is not null && raw.Contains("superseded", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Equal(AdrStatus.Superseded, adr.Status);
            }
        }

        foreach (var prefix in Expected[corpus].Superseded)
        {
            Assert.Equal(AdrStatus.Superseded, Numbered(loaded.Plan, prefix).Status);
        }
    }

    [CorporaTheory]
    [MemberData(nameof(Corpora))]
    public void The_links_named_in_the_source_notes_are_present_in_canonical_form(string corpus)
    {
        var loaded = Load(corpus);

        foreach (var link in Expected[corpus].Links)
        {
            var parts = link.Split(' ');
            var expected = new AdrLink(
                Numbered(loaded.Plan, parts[0]).Number,
                parts[1] == "supersedes" ? LinkType.Supersedes : LinkType.Amends,
                Numbered(loaded.Plan, parts[2]).Number);
            Assert.Contains(expected, loaded.Plan.Links);
        }

        Assert.Equal(loaded.Plan.Links.Count, loaded.Plan.Links.Distinct().Count());
        output.WriteLine($"{corpus}: {loaded.Plan.Links.Count} links, {loaded.Plan.Warnings.Count} warnings");
    }

    [CorporaTheory]
    [MemberData(nameof(Corpora))]
    public void Export_then_import_gives_identical_records(string corpus)
    {
        var loaded = Load(corpus);

        var again = RoundTrip.ExportAndImport(RoundTrip.Records(loaded.Plan));

        RoundTrip.AssertSameAdrs(loaded.Plan, again);
    }

    private static (List<MarkdownFile> Files, ImportPlan Plan) Load(string corpus)
    {
        var folder = Path.Combine(AdrCorpora.Require(), corpus);
        Assert.True(Directory.Exists(folder), $"The corpus folder {folder} is missing.");
        var files = Directory.GetFiles(folder)
            .Select(path => new MarkdownFile(Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToList();
        return (files, AdrMarkdownImporter.Plan(files, ImportLimits.Default));
    }

    private static IEnumerable<(ImportedAdr Adr, string Text)> Pairs((List<MarkdownFile> Files, ImportPlan Plan) loaded) =>
        loaded.Plan.Adrs.Select(a => (a, Encoding.UTF8.GetString(loaded.Files.Single(f => f.Path == a.SourcePath).Content.Span).Replace("\r\n", "\n", StringComparison.Ordinal)));

    private static ImportedAdr Numbered(ImportPlan plan, string fileNamePrefix) =>
        Assert.Single(plan.Adrs, a => a.SourcePath.StartsWith(fileNamePrefix + "-", StringComparison.Ordinal));

    /// <summary>The status as the file writes it: front matter or a "Status:" bullet before the first section, or the lines of a "## Status" section.</summary>
    private static string? RawStatus(string text)
    {
        var firstSection = text.IndexOf("\n## ", StringComparison.Ordinal);
        var line = StatusLine().Match(firstSection < 0 ? text : text[..firstSection]);
        if (line.Success)
        {
            return line.Groups["value"].Value.Trim().Trim('"');
        }

        var section = StatusSection().Match(text);
        return section.Success
            ? string.Join('\n', section.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            : null;
    }

    [GeneratedRegex(@"^\[Superseded by \[[^\]]*\]\([^)]*\)\]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SupersededPrefix();

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^\d{8}-")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingDigits();

    [GeneratedRegex(@"^(?:[-*] )?(?:date|Date): *""?(?<date>\d{4}-\d{2}-\d{2})""? *$", RegexOptions.Multiline)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?:[-*] )?(?:status|Status): *(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^## Status *\n(?<body>(?:(?!#).*\n)*)", RegexOptions.Multiline)]
    private static partial Regex StatusSection();
}
