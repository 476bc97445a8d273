using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Reads a leading "---" ... "---" YAML block (MADR 3/4, Jekyll, and what the exporter writes). Keys are matched
/// case-insensitively with '_' same as '-'. Jekyll layout keys are ignored silently; other unknown keys are reported as warnings.
/// </summary>
internal static partial class FrontMatterParser
{
    private static readonly string[] JekyllKeys =
        ["parent", "grand-parent", "nav-order", "has-children", "has-toc", "nav-exclude", "layout", "permalink", "sidebar-position", "slug", "id"];

    /// <summary>
    /// Parses the front matter at the start of <paramref name="lines"/>; <paramref name="bodyStart"/> is the index of the first line after it.
    /// Returns null with <paramref name="problem"/> set when the block is unterminated, not valid YAML or beyond the front
    /// matter bounds of <paramref name="limits"/>.
    /// </summary>
    public static FrontMatter? Parse(IReadOnlyList<string> lines, ImportLimits limits, out int bodyStart, out string? problem)
    {
        bodyStart = 0;
        problem = null;
        if (lines.Count == 0 || lines[0].TrimEnd() != "---")
        {
            return FrontMatter.None;
        }

        var end = -1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            problem = "line 1: the front matter opened by '---' is never closed by a '---' line";
            return null;
        }

        bodyStart = end + 1;
        var yaml = string.Join('\n', lines.Skip(1).Take(end - 1));
        YamlMappingNode? root;
        try
        {
            if (BoundedYamlEvents.Read(yaml, firstLineNumber: 2, limits, out problem) is not { } events)
            {
                return null;
            }

            // Safe to build: the events are few, shallow and alias-free.
            var stream = new YamlStream();
            stream.Load(new YamlEventReplay(events));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
            if (stream.Documents.Count > 0 && root is null && !IsEmptyScalar(stream.Documents[0].RootNode))
            {
                problem = "line 2: the front matter must be a YAML mapping of keys to values (e.g. \"status: accepted\")";
                return null;
            }
        }
        catch (YamlException invalid)
        {
            var line = 1 + (int)Math.Max(1, invalid.Start.Line);
            problem = $"line {line}: front matter is not valid YAML: {Describe(invalid)}";
            return null;
        }
        catch (Exception unreadable) when (unreadable is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some malformed flow collections, without a position.
            problem = $"line 2: front matter is not valid YAML: it could not be read up to line {end + 1}; check brackets, quotes and indentation";
            return null;
        }

        return root is null ? FrontMatter.None : Read(root, out problem);
    }

    private static FrontMatter? Read(YamlMappingNode root, out string? problem)
    {
        problem = null;
        string? title = null, status = null, note = null, date = null;
        List<string> deciders = [], consulted = [], informed = [], tags = [], ignored = [];
        var links = new List<(LinkVerb, string, string)>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var normal = key.Trim().Replace('_', '-').ToUpperInvariant();
            switch (normal)
            {
                case "TITLE":
                    title = Scalar(value, key, ref problem);
                    break;
                case "STATUS":
                    status = Scalar(value, key, ref problem);
                    break;
                case "STATUS-NOTE":
                    note = Scalar(value, key, ref problem);
                    break;
                case "DATE":
                    date = Scalar(value, key, ref problem);
                    break;
                case "DECIDERS" or "DECISION-MAKERS" or "DECISION-MAKER" or "DECIDER":
                    deciders.AddRange(PersonList(value, key, ref problem));
                    break;
                case "CONSULTED":
                    consulted.AddRange(PersonList(value, key, ref problem));
                    break;
                case "INFORMED":
                    informed.AddRange(PersonList(value, key, ref problem));
                    break;
                case "TAGS" or "TAG" or "CATEGORIES" or "KEYWORDS":
                    tags.AddRange(List(value, key, ref problem).SelectMany(t => Names.SplitTags(t, allowSpaces: true)));
                    break;
                case "SUPERSEDES" or "SUPERSEDED-BY" or "AMENDS" or "AMENDED-BY" or "RELATES-TO" or "RELATED-TO" or "RELATED":
                    var verb = LinkPhrases.ParseVerb(normal.Replace('-', ' '));
                    links.AddRange(List(value, key, ref problem).SelectMany(Names.SplitCommas).Select(item => (verb, item, key)));
                    break;
                default:
                    if (!JekyllKeys.Contains(normal.ToLowerInvariant(), StringComparer.Ordinal))
                    {
                        ignored.Add(key);
                    }

                    break;
            }

            if (problem is not null)
            {
                return null;
            }
        }

        return new FrontMatter(title, status, note, date, deciders, consulted, informed, tags, links, ignored);
    }

    private static string? Scalar(YamlNode value, string key, ref string? problem)
    {
        if (value is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        problem = $"line {value.Start.Line + 1}: front matter '{key}' must be a single value, not a list or mapping";
        return null;
    }

    private static List<string> List(YamlNode value, string key, ref string? problem)
    {
        switch (value)
        {
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                return [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value?.Trim() ?? string.Empty).Where(v => v.Length > 0)];
            default:
                problem = $"line {value.Start.Line + 1}: front matter '{key}' must be a value or a list of values";
                return [];
        }
    }

    private static IEnumerable<string> PersonList(YamlNode value, string key, ref string? problem) =>
        value is YamlScalarNode ? List(value, key, ref problem).SelectMany(Names.SplitPeople) : List(value, key, ref problem);

    private static bool IsEmptyScalar(YamlNode node) => node is YamlScalarNode { Value: null or "" };

    private static string Describe(YamlException invalid)
    {
        var message = invalid.InnerException?.Message ?? invalid.Message;
        return MarkPrefix().Replace(message, string.Empty).Trim();
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();
}
