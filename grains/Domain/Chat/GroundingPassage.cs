namespace AdrPlatform.Domain.Chat;

/// <summary>One retrieved ADR passage an answer may use and must cite as <c>[ADR-0007]</c>.</summary>
public sealed record GroundingPassage(string AdrId, string Title, string Section, string Text);
