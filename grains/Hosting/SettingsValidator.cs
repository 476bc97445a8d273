using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace AdrPlatform.Hosting;

/// <summary>
/// Checks a bound options object against its data annotations and <see cref="IValidatableObject"/> rules, nested
/// settings, lists and dictionaries included, and names each problem by its configuration key (Chat:Models:fast:Providers:0:Endpoint).
/// </summary>
public static class SettingsValidator
{
    public static IReadOnlyList<string> Problems(object options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Collect(options, section, problems);
        return problems;
    }

    private static void Collect(object settings, string path, List<string> problems)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{path}:{property.Name}";
            var value = property.GetValue(settings);
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = key };
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(value, context, results))
            {
                problems.AddRange(results.Select(result => result.ErrorMessage + Shown(value)));
            }

            CollectNested(value, key, problems);
        }

        if (settings is IValidatableObject rules)
        {
            // By convention such a message starts with the setting's own name ("Endpoint is required for provider openai").
            problems.AddRange(rules.Validate(new ValidationContext(settings)).Select(result => $"{path}:{result.ErrorMessage}"));
        }
    }

    private static void CollectNested(object? value, string key, List<string> problems)
    {
        switch (value)
        {
            case null or string:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    CollectNested(entry.Value, $"{key}:{entry.Key}", problems);
                }

                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    CollectNested(item, $"{key}:{index++}", problems);
                }

                return;
            default:
                if (IsSettings(value.GetType()))
                {
                    Collect(value, key, problems);
                }

                return;
        }
    }

    /// <summary>The platform's own settings types; framework values (TimeSpan, Uri, …) are leaves.</summary>
    private static bool IsSettings(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("AdrPlatform", StringComparison.Ordinal) == true;

    /// <summary>Numbers and durations are echoed so the reader sees what was read; text is not (it may be a key).</summary>
    private static string Shown(object? value) => value is IFormattable formattable and not Enum
        ? $" (got {formattable.ToString(null, CultureInfo.InvariantCulture)})"
        : string.Empty;
}
