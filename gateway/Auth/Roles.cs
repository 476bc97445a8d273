namespace AdrPlatform.Gateway.Auth;

/// <summary>Tenant roles, each including the ones before it: viewer ⊂ editor ⊂ admin.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Authorization policy names, one per role, satisfied by that role or a higher one.</summary>
    public static class Policies
    {
        public const string Read = "read";
        public const string Write = "write";
        public const string Administer = "administer";
    }

    public static readonly IReadOnlyList<string> Known = [Viewer, Editor, Admin];

    public static string[] AtLeast(string role) => role switch
    {
        Viewer => [Viewer, Editor, Admin],
        Editor => [Editor, Admin],
        Admin => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };
}
