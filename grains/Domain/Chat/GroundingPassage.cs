namespace AdrPlatform.Domain.Chat;

/// <summary>
/// One retrieved passage an answer may use and must cite by its label: <c>[ADR-0007]</c> for an ADR,
/// <c>[DOC-j…]</c> for an ingested document (see <see cref="SourceLabels"/>).
/// </summary>
public sealed record GroundingPassage(string Label, string Title, string Section, string Text);
