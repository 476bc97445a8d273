using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Reads a front matter block as YAML events under the front matter bounds of <see cref="ImportLimits"/>, before any
/// node is built. YamlDotNet's <see cref="Parser"/> is a state machine with an explicit state stack, not a recursive
/// descent, and reading stops at the first event past a bound, so a hostile block costs at most the bounds, never the
/// stack or the CPU it asks for. Aliases are refused outright: ADR front matter never needs them (no format writes them
/// and none of the real logs uses one), and they are what lets a few hundred bytes stand for billions of nodes.
/// </summary>
internal static class BoundedYamlEvents
{
    /// <summary>The events of <paramref name="yaml"/>, or null with a refusal naming the line of the file.</summary>
    /// <exception cref="YamlException">The block is not valid YAML.</exception>
    public static List<ParsingEvent>? Read(string yaml, int firstLineNumber, ImportLimits limits, out string? refusal)
    {
        if (yaml.Length > limits.MaxFrontMatterChars)
        {
            refusal = string.Create(CultureInfo.InvariantCulture, $"line {firstLineNumber}: the front matter has {yaml.Length} characters; at most {limits.MaxFrontMatterChars} are allowed");
            return null;
        }

        var parser = new Parser(new StringReader(yaml));
        var events = new List<ParsingEvent>();
        var depth = 0;
        var values = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            depth += current is MappingStart or SequenceStart ? 1 : current is MappingEnd or SequenceEnd ? -1 : 0;
            values += current is NodeEvent ? 1 : 0;
            refusal = Refusal(current, depth, values, limits);
            if (refusal is not null)
            {
                refusal = string.Create(CultureInfo.InvariantCulture, $"line {firstLineNumber - 1 + Math.Max(1, current.Start.Line)}: {refusal}");
                return null;
            }

            events.Add(current);
        }

        refusal = null;
        return events;
    }

    private static string? Refusal(ParsingEvent current, int depth, int values, ImportLimits limits) => current switch
    {
        AnchorAlias => "the front matter uses a YAML alias (*name); aliases are not supported in ADR front matter: write the value out",
        _ when depth > limits.MaxFrontMatterDepth => $"the front matter is nested more than {limits.MaxFrontMatterDepth} levels deep",
        _ when values > limits.MaxFrontMatterValues => $"the front matter has more than {limits.MaxFrontMatterValues} keys and values",
        Scalar { Value.Length: var length } when length > limits.MaxFrontMatterValueLength =>
            $"a front matter value has {length} characters; at most {limits.MaxFrontMatterValueLength} are allowed",
        _ => null,
    };
}
