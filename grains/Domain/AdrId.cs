using System.Globalization;
using AdrPlatform.Errors;

namespace AdrPlatform.Domain;

/// <summary>The public id of an ADR: "ADR-0007". Clients may also send "7" or "adr-7".</summary>
public static class AdrId
{
    public const int MaxNumber = 999_999;

    public static string Format(int number) => string.Create(CultureInfo.InvariantCulture, $"ADR-{number:D4}");

    public static int Parse(string? id)
    {
        var text = (id ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw AdrPlatformException.Invalid("An ADR id is required, e.g. \"ADR-0007\".");
        }

        if (text.StartsWith("ADR-", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        if (text.Length > 7
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number > MaxNumber)
        {
            throw AdrPlatformException.Invalid($"\"{LogText.Escape(id, 40)}\" is not an ADR id; use the form ADR-0007.");
        }

        return number;
    }
}
