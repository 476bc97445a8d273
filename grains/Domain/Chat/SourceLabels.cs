using System.Globalization;

namespace AdrPlatform.Domain.Chat;

/// <summary>How a grounding passage's source is named in prompts and cited in answers.</summary>
public static class SourceLabels
{
    public const string DocumentPrefix = "DOC-";

    /// <summary>Matches one cited label inside square brackets; group 1 is the label.</summary>
    public const string CitationPattern = @"\[(ADR-\d{1,7}|DOC-j[0-9a-f]{24})\]";

    public static string For(int adrNumber, string? documentId) =>
        documentId is null ? AdrId.Format(adrNumber) : DocumentPrefix + documentId;

    /// <summary>The ADR number or the document id a label names; null when it names neither.</summary>
    public static (int Number, string? DocumentId)? Parse(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.StartsWith(DocumentPrefix, StringComparison.Ordinal))
        {
            return (0, label[DocumentPrefix.Length..]);
        }

        return label.StartsWith("ADR-", StringComparison.Ordinal) && int.TryParse(label.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, null)
            : null;
    }
}
