using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AdrPlatform.Domain.Jobs;

/// <summary>
/// Job ids: "j" + 24 lower-case hex digits. A submit with an idempotency key gets the id derived from the
/// submitter and the key, so its retries address the same job; without a key the id is random.
/// </summary>
public static partial class JobIds
{
    public const int MaxIdempotencyKeyLength = 128;

    public static string FromIdempotencyKey(string user, string key)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(key);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{user}\n{key}"));
        return "j" + Convert.ToHexStringLower(digest)[..24];
    }

    public static string New() => "j" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex(@"^j[0-9a-f]{24}\z")]
    private static partial Regex Pattern();
}
