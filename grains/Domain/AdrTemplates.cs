using System.Collections.Immutable;
using System.Text;
using AdrPlatform.Errors;
using AdrPlatform.Model;

namespace AdrPlatform.Domain;

/// <summary>Section skeletons of the two common ADR templates, filled with what the author already knows.</summary>
public static class AdrTemplates
{
    private static readonly ImmutableArray<string> NygardSections = ["Context", "Decision", "Consequences"];

    private static readonly ImmutableArray<string> MadrSections =
    [
        "Context and Problem Statement",
        "Decision Drivers",
        "Considered Options",
        "Decision Outcome",
        "Consequences",
        "Pros and Cons of the Options",
        "More Information",
    ];

    public static ImmutableArray<string> Sections(AdrTemplate template) => template switch
    {
        AdrTemplate.Nygard => NygardSections,
        AdrTemplate.Madr => MadrSections,
        _ => throw AdrPlatformException.Invalid("Unknown template; use MADR or NYGARD."),
    };

    /// <summary>Renders the template's sections in order; given sections fill theirs, unknown ones are appended.</summary>
    public static string Body(AdrTemplate template, IReadOnlyDictionary<string, string> given)
    {
        var sections = Sections(template);
        var remaining = given.ToDictionary(p => p.Key.Trim(), p => p.Value, StringComparer.OrdinalIgnoreCase);
        var body = new StringBuilder();
        foreach (var section in sections)
        {
            remaining.Remove(section, out var text);
            Append(body, section, text);
        }

        foreach (var (section, text) in remaining.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (section.Length == 0 || section.Contains('\n', StringComparison.Ordinal))
            {
                throw AdrPlatformException.Invalid("Section names must be one non-empty line.");
            }

            Append(body, section, text);
        }

        return body.ToString().TrimEnd();
    }

    private static void Append(StringBuilder body, string section, string? text)
    {
        body.Append("## ").Append(section).Append("\n\n");
        body.Append(string.IsNullOrWhiteSpace(text) ? "_To be written._" : text.Trim()).Append("\n\n");
    }
}
