using System.Diagnostics;
using System.Text;
using AdrPlatform.Domain.Markdown;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

public sealed class LimitsAndBadInputTests
{
    private static readonly ImportLimits Small = ImportLimits.Default with
    {
        MaxFiles = 3,
        MaxTotalBytes = 400,
        MaxFileBytes = 200,
        MaxTitleLength = 20,
        MaxBodyLength = 30,
        MaxTags = 2,
        MaxTagLength = 20,
    };

    [Fact]
    public void Invalid_utf8_is_a_problem_naming_the_file()
    {
        var plan = Plan(new MarkdownFile("0001-latin1.md", new byte[] { 0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A }));

        var problem = plan.OnlyProblem();
        Assert.Equal("0001-latin1.md", problem.Path);
        Assert.StartsWith("the file is not valid UTF-8 text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_and_dropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("---\nstatus: accepted\n---\n# With BOM\n"u8.ToArray()).ToArray();

        var adr = Assert.Single(Plan(new MarkdownFile("0001-bom.md", bytes)).Adrs);
        Assert.Equal("With BOM", adr.Content.Title);
    }

    [Fact]
    public void Unterminated_front_matter_is_a_problem()
    {
        var problem = Plan(File("0001-x.md", "---\nstatus: accepted\n# Title\n\nBody\n")).OnlyProblem();

        Assert.Equal("line 1: the front matter opened by '---' is never closed by a '---' line", problem.Message);
    }

    [Fact]
    public void Invalid_yaml_names_the_line_of_the_file()
    {
        var problem = Plan(File("0001-x.md", "---\nstatus: accepted\ndate: 2020-01-01: late\n---\n# Title\n")).OnlyProblem();

        Assert.Equal("line 3: front matter is not valid YAML: While scanning a plain scalar value, found invalid mapping.", problem.Message);
    }

    [Fact]
    public void Yaml_the_parser_cannot_place_is_still_a_clear_problem()
    {
        var problem = Plan(File("0001-x.md", "---\nstatus: accepted\ntags: [a, b\ndate: 2020-01-01\n---\n# Title\n")).OnlyProblem();

        Assert.StartsWith("line 2: front matter is not valid YAML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_front_matter_keys_are_a_problem()
    {
        var problem = Plan(File("0001-x.md", "---\nstatus: accepted\nstatus: rejected\n---\n# Title\n")).OnlyProblem();

        Assert.Equal("line 3: front matter is not valid YAML: Duplicate key status", problem.Message);
    }

    [Fact]
    public void A_front_matter_date_that_is_not_a_date_is_a_problem()
    {
        var problem = Plan(File("0001-x.md", "---\ndate: next tuesday\n---\n# Title\n")).OnlyProblem();

        Assert.Equal("front matter 'date' \"next tuesday\" is not a date; write it as YYYY-MM-DD", problem.Message);
    }

    [Fact]
    public void Too_many_files_is_one_problem_for_the_folder()
    {
        var plan = Plan(Small, File("0001-a.md", "# A\n"), File("0002-b.md", "# B\n"), File("0003-c.md", "# C\n"), File("0004-d.md", "# D\n"));

        var problem = Assert.Single(plan.Problems);
        Assert.Equal(ImportProblem.FolderPath, problem.Path);
        Assert.Equal("the upload has 4 files; at most 3 can be imported at once", problem.Message);
        Assert.Empty(plan.Adrs);
    }

    [Fact]
    public void Too_many_bytes_in_total_is_one_problem_for_the_folder()
    {
        var text = "# T\n\n" + new string('x', 150) + "\n";
        var plan = Plan(Small, File("0001-a.md", text), File("0002-b.md", text), File("0003-c.md", text));

        var problem = Assert.Single(plan.Problems);
        Assert.Equal(ImportProblem.FolderPath, problem.Path);
        Assert.Equal("the upload has 468 bytes; at most 400 bytes can be imported at once", problem.Message);
    }

    [Fact]
    public void A_file_that_is_too_big_is_a_problem()
    {
        var problem = Plan(Small, File("0001-big.md", "# Big\n\n" + new string('x', 250))).OnlyProblem();

        Assert.Equal("the file has 257 bytes; at most 200 bytes are allowed per file", problem.Message);
    }

    [Fact]
    public void Title_body_and_tags_over_their_limits_are_each_a_problem()
    {
        var plan = Plan(Small, File("0001-x.md", "- Tags: a, a-tag-of-twenty-five-chars\n\n# A title that is far too long\n\n" + new string('y', 40) + "\n"));

        Assert.Equal(
            [
                "The title has 28 characters; at most 20 are allowed.",
                "The body has 40 characters; at most 30 are allowed.",
                "The tag \"a-tag-of-twenty-five\u2026\" is longer than 20 characters.",
            ],
            plan.Problems.Select(p => p.Message));
        Assert.All(plan.Problems, p => Assert.Equal("0001-x.md", p.Path));
        Assert.Empty(plan.Adrs);
    }

    [Fact]
    public void Too_many_tags_is_a_problem()
    {
        var problem = Plan(Small, File("0001-x.md", "# Tags\n\n- Tags: a, b, c\n")).OnlyProblem();

        Assert.Equal("3 tags given; at most 2 are allowed.", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n\t\n")]
    public void An_empty_file_is_a_problem(string text)
    {
        Assert.Equal("the file is empty", Plan(File("0001-empty.md", text)).OnlyProblem().Message);
    }

    [Fact]
    public void A_file_without_any_title_is_a_problem()
    {
        var problem = Plan(File("0001-x.md", "---\nstatus: accepted\n---\nJust text, no heading.\n")).OnlyProblem();

        Assert.Equal("no title: the file has no '# Title' heading and no 'title:' in its front matter", problem.Message);
    }

    [Fact]
    public void Duplicate_numbers_are_a_problem_for_the_later_file()
    {
        var plan = Plan(File("0003-first.md", "# First\n"), File("docs/0003_second.md", "# Second\n"));

        var problem = Assert.Single(plan.Problems);
        Assert.Equal("docs/0003_second.md", problem.Path);
        Assert.Equal("ADR number 3 is also used by 0003-first.md; each number may appear once", problem.Message);
    }

    [Theory]
    [InlineData("../0001-x.md")]
    [InlineData("docs/../../0001-x.md")]
    [InlineData("/etc/0001-x.md")]
    [InlineData("C:/adr/0001-x.md")]
    [InlineData("docs\\0001-x.md")]
    [InlineData("docs/./0001-x.md")]
    [InlineData("docs//0001-x.md")]
    [InlineData("")]
    public void Paths_that_leave_the_folder_are_problems(string path)
    {
        var plan = Plan(File(path, "# X\n"));

        Assert.Equal(path, Assert.Single(plan.Problems).Path);
        Assert.Empty(plan.Adrs);
    }

    [Fact]
    public void The_same_path_twice_is_a_problem()
    {
        var plan = Plan(File("0001-x.md", "# X\n"), File("0001-x.md", "# X again\n"));

        Assert.Equal("the same path appears more than once in the upload", Assert.Single(plan.Problems).Message);
    }

    [Fact]
    public void A_number_beyond_the_highest_adr_number_is_a_problem()
    {
        var problem = Plan(File("12345678-x.md", "# X\n")).OnlyProblem();

        Assert.Equal("the number 12345678 in the file name is larger than the highest ADR number 999999", problem.Message);
    }

    [Fact]
    public void Hostile_near_limit_files_are_planned_in_linear_time()
    {
        string Repeat(string text, int times) => new StringBuilder().Insert(0, text, times).ToString();
        var hostile = string.Join('\n',
            "---", "status: accepted", "---",
            "# [" + Repeat("supersedes [x](", 12_000) + " title",
            "- Status: supersedes ADR" + new string(' ', 60_000) + "x",
            "- Date: " + Repeat("<!--", 20_000),
            "#" + new string(' ', 60_000) + "x #",
            Repeat("superseded by [a](", 12_000),
            "## Links",
            "- Supersedes " + Repeat("[x](", 20_000),
            "- Relates to ADR" + new string('\t', 60_000));
        Assert.InRange(Encoding.UTF8.GetByteCount(hostile), 700_000, ImportLimits.Default.MaxFileBytes);

        var clock = Stopwatch.StartNew();
        var plan = Plan(File("0001-hostile.md", hostile));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.NotEmpty(plan.Problems);
        Assert.All(plan.Problems, p => Assert.Equal("0001-hostile.md", p.Path));
    }

    [Theory]
    [InlineData("> ", 50_000)]
    [InlineData("- ", 50_000)]
    [InlineData("[", 100_000)]
    [InlineData("| a ", 25_000)]
    public void Deeply_nested_markdown_is_read_line_by_line_in_linear_time(string unit, int times)
    {
        var deep = "# Deep\n\n" + new StringBuilder().Insert(0, unit, times) + "x\n" + new StringBuilder().Insert(0, "| a | b |\n", 5_000);

        var clock = Stopwatch.StartNew();
        var adr = Single("0001-deep.md", deep);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal("Deep", adr.Content.Title);
    }

    [Fact]
    public void Index_readme_templates_hidden_and_non_markdown_files_are_skipped_with_reasons()
    {
        var plan = Plan(
            File("index.md", "# Decisions\n"),
            File("README.md", "# Read me\n"),
            File("docs/Template.md", "# {title}\n"),
            File("adr-template.md", "# {title}\n"),
            File("img/flow.png", "not markdown"),
            File(".markdownlint.md", "# lint\n"),
            File("0001-real.md", "# Real\n"));

        Assert.Empty(plan.Problems);
        Assert.Equal("Real", Assert.Single(plan.Adrs).Content.Title);
        Assert.Equal(
            [
                (".markdownlint.md", "hidden file"),
                ("README.md", "an index, README or template page, not an ADR"),
                ("adr-template.md", "an index, README or template page, not an ADR"),
                ("docs/Template.md", "an index, README or template page, not an ADR"),
                ("img/flow.png", "not a markdown (.md) file"),
                ("index.md", "an index, README or template page, not an ADR"),
            ],
            plan.Skipped.Select(s => (s.Path, s.Reason)));
    }
}
