using AdrPlatform.Model;

namespace AdrPlatform.Domain.Markdown;

/// <summary>
/// Puts a link phrase into the stored direction: "X superseded by Y" is "Y supersedes X", "X amended by Y" is "Y amends X".
/// "Relates to" has no direction, so it is stored from the lower number to the higher one and both sides dedupe.
/// </summary>
internal static class CanonicalLink
{
    public static AdrLink Of(int self, LinkVerb verb, int other) => verb switch
    {
        LinkVerb.Supersedes => new AdrLink(self, LinkType.Supersedes, other),
        LinkVerb.SupersededBy => new AdrLink(other, LinkType.Supersedes, self),
        LinkVerb.Amends => new AdrLink(self, LinkType.Amends, other),
        LinkVerb.AmendedBy => new AdrLink(other, LinkType.Amends, self),
        _ => AdrLink.Canonical(self, LinkType.RelatesTo, other),
    };
}
