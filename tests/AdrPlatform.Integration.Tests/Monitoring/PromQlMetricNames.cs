using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdrPlatform.Integration.Tests.Monitoring;

/// <summary>
/// The metric names a PromQL expression reads: identifiers that are neither functions, keywords, label names
/// (in matchers and grouping clauses) nor recording rules, once strings and range selectors are removed.
/// </summary>
public static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords =
        ["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan"];

    public static IEnumerable<string> In(string expression)
    {
        var bare = Strings().Replace(expression, " ");
        bare = Matchers().Replace(bare, " ");
        bare = Ranges().Replace(bare, " ");
        bare = Grouping().Replace(bare, " ");
        foreach (Match identifier in Identifiers().Matches(bare))
        {
            var name = identifier.Groups["name"].Value;
            var isCall = identifier.Groups["call"].Success;
            if (!isCall && !Keywords.Contains(name.ToLowerInvariant()) && !name.Contains(':', StringComparison.Ordinal))
            {
                yield return name;
            }
        }
    }

    /// <summary>Every expression of a Prometheus rules file or PrometheusRule ("expr:" values, which may span lines).</summary>
    public static IEnumerable<string> RuleExpressions(string rulesYaml)
    {
        var lines = rulesYaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = RuleExpr().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups["value"].Value.Trim();
            if (value is "|" or ">")
            {
                var indent = match.Groups["indent"].Value.Length;
                var block = lines.Skip(i + 1).TakeWhile(line => line.Trim().Length == 0 || line.Length - line.TrimStart().Length > indent);
                value = string.Join('\n', block);
            }

            yield return value;
        }
    }

    /// <summary>Every panel target's "expr" in a Grafana dashboard.</summary>
    public static IEnumerable<string> DashboardExpressions(string dashboardJson)
    {
        using var document = JsonDocument.Parse(dashboardJson);
        return Walk(document.RootElement).ToList();

        static IEnumerable<string> Walk(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
                p.Name == "expr" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Walk(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Walk),
            _ => [],
        };
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w:.$])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"^(?<indent>\s*)(?:-\s+)?expr:\s*(?<value>.*)$")]
    private static partial Regex RuleExpr();
}
