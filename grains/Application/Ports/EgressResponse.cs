namespace AdrPlatform.Ports;

/// <summary>What a fetch answered, after any redirects.</summary>
/// <param name="StatusCode">The final response's HTTP status.</param>
/// <param name="FinalUrl">The URL that answered.</param>
/// <param name="RedirectChain">The URLs that redirected, in order, the requested one first; empty without redirects.</param>
/// <param name="ContentType">The media type, without parameters, in lower case; null when the response named none.</param>
/// <param name="Headers">Response and content headers, names case-insensitive.</param>
/// <param name="Body">The body, decoded from its transfer compression, within the size limit.</param>
public sealed record EgressResponse(
    int StatusCode,
    Uri FinalUrl,
    IReadOnlyList<Uri> RedirectChain,
    string? ContentType,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    ReadOnlyMemory<byte> Body);
