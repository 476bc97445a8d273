namespace AdrPlatform.Adapters.Egress;

/// <summary>An entry of <see cref="EgressOptions.AllowedContentTypes"/>: <c>type/subtype</c> or <c>type/*</c>.</summary>
internal static class MediaTypePattern
{
    public static bool IsValid(string pattern) =>
        pattern.Split('/') is [var type, var subtype] && IsToken(type) && (subtype == "*" || IsToken(subtype));

    public static bool Matches(string pattern, string mediaType) => pattern.EndsWith("/*", StringComparison.Ordinal)
        ? mediaType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
        : string.Equals(pattern, mediaType, StringComparison.OrdinalIgnoreCase);

    private static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$&-^_.+".Contains(c, StringComparison.Ordinal));
}
