using System.Collections.Immutable;
using AdrPlatform.Errors;
using AdrPlatform.Model;

namespace AdrPlatform.Domain;

/// <summary>Validates and normalises what a client sends as ADR content.</summary>
public static class AdrContentRules
{
    public static string Title(string? title, AdrLimits limits)
    {
        var value = (title ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            throw AdrPlatformException.Invalid("A title is required.");
        }

        if (value.Length > limits.MaxTitleLength)
        {
            throw AdrPlatformException.Invalid($"The title has {value.Length} characters; at most {limits.MaxTitleLength} are allowed.");
        }

        if (value.Any(char.IsControl))
        {
            throw AdrPlatformException.Invalid("The title must be one line without control characters.");
        }

        if (!VisibleText.HasVisibleCharacter(value))
        {
            throw AdrPlatformException.Invalid("The title must have at least one visible character (a letter, number, punctuation or symbol).");
        }

        if (VisibleText.HasBidiControl(value))
        {
            throw AdrPlatformException.Invalid("The title must not contain bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069).");
        }

        return value;
    }

    public static string Body(string? body, AdrLimits limits)
    {
        var value = (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();
        if (value.Length > limits.MaxBodyLength)
        {
            throw AdrPlatformException.Invalid($"The body has {value.Length} characters; at most {limits.MaxBodyLength} are allowed.");
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw AdrPlatformException.Invalid("The body must not contain NUL characters.");
        }

        return value;
    }

    /// <summary>Tags are counted as given, before duplicates are merged, so a request cannot send more work than the limit.</summary>
    public static ImmutableArray<string> Tags(IEnumerable<string>? tags, AdrLimits limits)
    {
        var given = Given(tags, limits.MaxTags, "tags");
        var result = new List<string>();
        foreach (var raw in given)
        {
            var tag = (raw ?? string.Empty).Trim().ToLowerInvariant();
            if (tag.Length == 0)
            {
                throw AdrPlatformException.Invalid("Tags must not be empty.");
            }

            if (tag.Length > limits.MaxTagLength)
            {
                throw AdrPlatformException.Invalid($"The tag \"{LogText.Escape(tag, 20)}\" is longer than {limits.MaxTagLength} characters.");
            }

            if (!tag.All(IsTagCharacter))
            {
                throw AdrPlatformException.Invalid($"The tag \"{LogText.Escape(tag)}\" may contain only letters, digits, spaces and - _ . : / + #.");
            }

            if (!result.Contains(tag))
            {
                result.Add(tag);
            }
        }

        return [.. result];
    }

    /// <summary>Deciders are counted as given, before duplicates are merged.</summary>
    public static ImmutableArray<string> Deciders(IEnumerable<string>? deciders, AdrLimits limits)
    {
        var given = Given(deciders, limits.MaxDeciders, "deciders");
        var result = new List<string>();
        foreach (var raw in given)
        {
            var name = (raw ?? string.Empty).Trim();
            if (name.Length == 0 || name.Length > limits.MaxDeciderLength || name.Any(char.IsControl))
            {
                throw AdrPlatformException.Invalid($"Each decider must be one line of 1 to {limits.MaxDeciderLength} characters.");
            }

            if (!VisibleText.HasVisibleCharacter(name))
            {
                throw AdrPlatformException.Invalid("Each decider must have at least one visible character (a letter, number, punctuation or symbol).");
            }

            if (!result.Contains(name))
            {
                result.Add(name);
            }
        }

        return [.. result];
    }

    public static string? Note(string? note, AdrLimits limits)
    {
        var value = note?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length <= limits.MaxNoteLength
            ? value
            : throw AdrPlatformException.Invalid($"The note has {value.Length} characters; at most {limits.MaxNoteLength} are allowed.");
    }

    public static AdrContent Content(
        string? title, string? body, IEnumerable<string>? tags, IEnumerable<string>? deciders, DateOnly? date, AdrLimits limits) =>
        new(Title(title, limits), Body(body, limits), Tags(tags, limits), Deciders(deciders, limits), date);

    private static List<string> Given(IEnumerable<string>? values, int max, string what)
    {
        var given = (values ?? []).ToList();
        return given.Count <= max
            ? given
            : throw AdrPlatformException.Invalid($"{given.Count} {what} given; at most {max} are allowed.");
    }

    private static bool IsTagCharacter(char c) => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ':' or '/' or '+' or '#';
}
