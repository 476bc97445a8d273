namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// A mention of another ADR as written: <paramref name="Text"/> is the visible text ("ADR-0019", "9. Help scripts", a slug),
/// <paramref name="Target"/> the markdown link target when there is one ("0019-push-metrics.md").
/// </summary>
internal sealed record AdrReference(string Text, string? Target);
