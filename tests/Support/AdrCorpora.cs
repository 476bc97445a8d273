namespace AdrPlatform.Tests.Support;

/// <summary>
/// Finds the real ADR folders the import tests walk: $ADR_CORPORA_DIR, or "../shared/data/adr-corpora"
/// beside the repository root (the directory holding AdrPlatform.sln, found by walking up from the test assembly).
/// </summary>
public static class AdrCorpora
{
    public const string DirectoryVariable = "ADR_CORPORA_DIR";
    public const string OptionalVariable = "ADR_CORPORA_OPTIONAL";

    public static bool Optional => Environment.GetEnvironmentVariable(OptionalVariable) == "1";

    /// <summary>The corpora folder, or null with where it was looked for.</summary>
    public static string? Find(out string lookedAt) => SharedData.Find("adr-corpora", DirectoryVariable, out lookedAt);

    /// <summary>Why the corpus tests are skipped (the corpora are missing and ADR_CORPORA_OPTIONAL=1), or null when they run.</summary>
    public static string? SkipReason() =>
        Optional && Find(out var lookedAt) is null ? $"The real ADR corpora are missing ({lookedAt}) and {OptionalVariable}=1." : null;

    /// <summary>The corpora folder; when it is missing the test fails with where it looked (see <see cref="CorporaFactAttribute"/> for skipping).</summary>
    public static string Require()
    {
        var root = Find(out var lookedAt);
        Xunit.Assert.True(
            root is not null,
            $"The real ADR corpora are missing: looked at {lookedAt}. Put them at ../shared/data/adr-corpora beside the repository, " +
            $"set {DirectoryVariable} to their folder, or set {OptionalVariable}=1 to skip these tests.");
        return root;
    }
}
