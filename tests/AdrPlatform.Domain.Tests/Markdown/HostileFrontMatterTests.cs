using System.Diagnostics;
using System.Text;
using AdrPlatform.Domain.Markdown;
using static AdrPlatform.Domain.Tests.Markdown.MarkdownFixtures;

namespace AdrPlatform.Domain.Tests.Markdown;

/// <summary>Front matter built to exhaust the stack or the CPU is refused quickly, as a problem of its file; the inputs are generated here.</summary>
public sealed class HostileFrontMatterTests
{
    // Far above the few milliseconds these take, far below what an unbounded parse of them would take; a loaded machine must not fail it.
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> DeepNesting => new()
    {
        { "flow mappings", "x: " + Repeat("{a: ", 50_000) + "b" + Repeat("}", 50_000) },
        { "flow sequences", "x: " + Repeat("[", 50_000) + Repeat("]", 50_000) },
        { "block sequences", "x:\n" + Repeat("- ", 50_000) + "b" },
        { "indented block mappings", string.Concat(Enumerable.Range(0, 700).Select(level => new string(' ', 2 * level) + "a:\n")) + "b" },
    };

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void Nesting_deeper_than_the_limit_is_refused(string kind, string yaml)
    {
        var problem = RefusedQuickly(yaml);

        Assert.True(problem.EndsWith("the front matter is nested more than 32 levels deep", StringComparison.Ordinal), $"{kind}: {problem}");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var plan = Plan(File("0001-x.md", $"---\nstatus: accepted\nextra: {Repeat("[", 31)}{Repeat("]", 31)}\n---\n# Deep but allowed\n"));

        Assert.Empty(plan.Problems);
        Assert.Equal("Deep but allowed", Assert.Single(plan.Adrs).Content.Title);
    }

    [Fact]
    public void A_billion_laughs_is_refused_at_its_first_alias()
    {
        var yaml = "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"lol{i}: &lol{i} [{string.Join(", ", Enumerable.Repeat($"*lol{i - 1}", 9))}]\n"));

        Assert.Equal("line 3: the front matter uses a YAML alias (*name); aliases are not supported in ADR front matter: write the value out", RefusedQuickly(yaml));
    }

    [Fact]
    public void Aliases_used_as_mapping_keys_are_refused()
    {
        // Each level is a mapping keyed by the level before it nine times over: a few hundred bytes, 9^levels key comparisons to build.
        var yaml = "k0: &k0 x\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"k{i}: &k{i} {{{string.Join(", ", Enumerable.Range(0, 9).Select(j => $"? {{*k{i - 1}: {j}}}"))}}}\n"));
        Assert.InRange(Encoding.UTF8.GetByteCount(yaml), 300, 2_000);

        Assert.Equal("line 3: the front matter uses a YAML alias (*name); aliases are not supported in ADR front matter: write the value out", RefusedQuickly(yaml));
    }

    [Fact]
    public void An_anchor_without_an_alias_is_harmless()
    {
        var adr = Single("0001-x.md", "---\nstatus: &s accepted\n---\n# Anchored\n");

        Assert.Equal("Anchored", adr.Content.Title);
    }

    [Fact]
    public void Too_many_keys_and_values_are_refused()
    {
        var yaml = "tags: [" + string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"t{i}")) + "]";

        Assert.Equal("line 2: the front matter has more than 2000 keys and values", RefusedQuickly(yaml));
    }

    [Fact]
    public void Too_many_keys_over_many_lines_name_the_line_where_the_limit_is_passed()
    {
        var yaml = string.Concat(Enumerable.Range(0, 1_500).Select(i => $"key{i}: value\n"));

        Assert.Equal("line 1001: the front matter has more than 2000 keys and values", RefusedQuickly(yaml));
    }

    [Theory]
    [InlineData("title: ")]
    [InlineData("title: \"")]
    [InlineData("title: |\n  ")]
    public void An_over_long_value_is_refused(string prefix)
    {
        var yaml = prefix + new string('x', 20_000) + (prefix.EndsWith('"') ? "\"" : string.Empty);

        Assert.Equal("line 2: a front matter value has 20000 characters; at most 10000 are allowed", RefusedQuickly(yaml));
    }

    [Fact]
    public void An_over_long_front_matter_is_refused_before_it_is_parsed()
    {
        var limits = ImportLimits.Default with { MaxFrontMatterChars = 30 };

        var problem = Plan(limits, File("0001-x.md", "---\nstatus: accepted\ndate: 2024-05-06\n---\n# Title\n")).OnlyProblem();

        Assert.Equal("line 2: the front matter has 33 characters; at most 30 are allowed", problem.Message);
    }

    [Fact]
    public void Madr_front_matter_is_still_read_in_full()
    {
        var adr = Single("0003-x.md", """
            ---
            status: accepted
            date: 2024-05-06
            decision-makers: [Ana Ruiz, Bo Chen]
            consulted: Security guild
            tags:
              - api
              - security
            supersedes: ADR-0001
            ---
            # Keep it bounded

            Body.
            """);

        Assert.Equal("Keep it bounded", adr.Content.Title);
        Assert.Equal(new DateOnly(2024, 5, 6), adr.Content.DecisionDate);
        Assert.Equal<string>(["Ana Ruiz", "Bo Chen"], adr.Content.Deciders);
        Assert.Equal<string>(["api", "security"], adr.Content.Tags);
    }

    private static string RefusedQuickly(string yaml)
    {
        var clock = Stopwatch.StartNew();
        var plan = Plan(File("0001-hostile.md", $"---\n{yaml}\n---\n# Hostile\n"));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
        var problem = plan.OnlyProblem();
        Assert.Equal("0001-hostile.md", problem.Path);
        return problem.Message;
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();
}
