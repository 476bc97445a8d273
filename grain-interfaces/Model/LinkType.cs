namespace AdrPlatform.Model;

/// <summary>
/// A link is stored once, in its canonical direction: "From supersedes To", "From amends To",
/// "From relates to To". The inverse views (superseded by, amended by) are derived when reading.
/// </summary>
public enum LinkType
{
    Supersedes = 1,
    Amends = 2,
    RelatesTo = 3,
}
