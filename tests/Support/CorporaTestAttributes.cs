namespace AdrPlatform.Tests.Support;

/// <summary>A test of the real ADR corpora: reported as skipped, not passed, when they are missing and ADR_CORPORA_OPTIONAL=1.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorporaFactAttribute : Xunit.FactAttribute
{
    public CorporaFactAttribute()
    {
        Skip = AdrCorpora.SkipReason();
    }
}

/// <summary>A theory over the real ADR corpora: reported as skipped, not passed, when they are missing and ADR_CORPORA_OPTIONAL=1.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorporaTheoryAttribute : Xunit.TheoryAttribute
{
    public CorporaTheoryAttribute()
    {
        Skip = AdrCorpora.SkipReason();
    }
}
