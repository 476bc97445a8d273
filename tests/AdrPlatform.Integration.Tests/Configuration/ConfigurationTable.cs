using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using AdrPlatform.Adapters.Chat;
using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Adapters.Egress;
using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Domain.Jobs;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Gateway.Hosting;
using AdrPlatform.Grains.Chat;
using AdrPlatform.Grains.Search;
using AdrPlatform.Hosting;

namespace AdrPlatform.Integration.Tests.Configuration;

/// <summary>The README's configuration table as the settings classes define it: key, default and meaning of every setting.</summary>
public static class ConfigurationTable
{
    public const string Header = "| Setting | Default | Meaning |";

    /// <summary>Every settings class of the platform, in the order the README lists them.</summary>
    public static readonly IReadOnlyList<Type> OptionsTypes =
    [
        typeof(GatewayOptions), typeof(ManagementOptions), typeof(PlatformAuthOptions), typeof(PlatformSiloOptions), typeof(PlatformStorageOptions),
        typeof(PlatformStreamOptions), typeof(ChatSessionOptions), typeof(ChatModelsOptions), typeof(EmbeddingOptions),
        typeof(IngestionOptions), typeof(DocumentParserOptions), typeof(SearchOptions), typeof(EgressOptions), typeof(TelemetryOptions), typeof(LogFormatOptions),
    ];

    public static string SectionOf(Type options) =>
        (string)options.GetField("Section", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    public static IReadOnlyList<string> Lines()
    {
        List<string> lines = [Header, "|---|---|---|"];
        foreach (var type in OptionsTypes)
        {
            var section = SectionOf(type);
            AddRows(Activator.CreateInstance(type)!, section, lines);
            if (type == typeof(PlatformSiloOptions))
            {
                lines.AddRange(PlatformSiloOptions.OrleansSections.Select(s => Row($"{s.Key}:{{setting}}", "-", $"Passed to Orleans' `{s.Value.Name}` as is")));
            }
        }

        return lines;
    }

    private static void AddRows(object settings, string path, List<string> lines)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsBound))
        {
            var key = $"{path}:{property.Name}";
            var value = property.GetValue(settings);
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
            if (ElementType(property.PropertyType) is { } element && IsSettings(element))
            {
                if (description is not null)
                {
                    lines.Add(Row(key, "empty", description));
                }

                var placeholder = IsDictionary(property.PropertyType) ? "{name}" : "{i}";
                AddRows(Activator.CreateInstance(element)!, $"{key}:{placeholder}", lines);
            }
            else if (IsSettings(property.PropertyType))
            {
                AddRows(value!, key, lines);
            }
            else
            {
                var suffix = IsDictionary(property.PropertyType) ? ":{name}" : string.Empty;
                lines.Add(Row(key + suffix, Shown(value), description ?? throw new InvalidOperationException($"{key} has no [Description].")));
            }
        }
    }

    /// <summary>What the configuration binder fills: settable properties, and collections it adds to.</summary>
    private static bool IsBound(PropertyInfo property) =>
        property.GetIndexParameters().Length == 0
        && (property.SetMethod?.IsPublic == true
            || (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() is var generic
                && (generic == typeof(IList<>) || generic == typeof(IDictionary<,>))));

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null : type.GetGenericArguments().LastOrDefault();

    private static bool IsSettings(Type type) => type.IsClass && type != typeof(string);

    private static string Shown(object? value) => value switch
    {
        null => "-",
        "" => "empty",
        string text => $"`{text}`",
        bool flag => flag ? "`true`" : "`false`",
        TimeSpan duration => $"`{duration.ToString(duration.Ticks % TimeSpan.TicksPerSecond == 0 ? "c" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture)}`",
        ICollection { Count: 0 } => "empty",
        IFormattable number => $"`{number.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => throw new InvalidOperationException($"No way to show a default of {value.GetType()}."),
    };

    private static string Row(string key, string shownDefault, string meaning) => $"| `{key}` | {shownDefault} | {meaning} |";
}
