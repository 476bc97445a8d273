using System.Globalization;
using System.Text;
using AdrPlatform.Model;

namespace AdrPlatform.Domain;

/// <summary>The plain text of one version that diffs compare: its metadata lines, then the body.</summary>
public static class VersionText
{
    public static string Render(AdrVersion version)
    {
        var content = version.Content;
        var text = new StringBuilder();
        text.Append("# ").Append(content.Title).Append('\n');
        text.Append("Status: ").Append(AdrLifecycle.Name(version.Status));
        if (!string.IsNullOrEmpty(version.StatusNote))
        {
            text.Append(" (").Append(version.StatusNote.ReplaceLineEndings(" ")).Append(')');
        }

        text.Append('\n');
        if (content.DecisionDate is { } date)
        {
            text.Append("Date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        if (!content.Deciders.IsDefaultOrEmpty)
        {
            text.Append("Deciders: ").Append(string.Join(", ", content.Deciders)).Append('\n');
        }

        if (!content.Tags.IsDefaultOrEmpty)
        {
            text.Append("Tags: ").Append(string.Join(", ", content.Tags)).Append('\n');
        }

        text.Append('\n').Append(content.Body);
        return text.ToString();
    }
}
