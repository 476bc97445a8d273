using System.Globalization;
using System.Text;

namespace AdrPlatform.Domain.Markdown;

/// <summary>Writes any string as a YAML double-quoted scalar that reads back exactly.</summary>
internal static class YamlText
{
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085' =>
                    quoted.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
