using System.Collections.Frozen;
using AdrPlatform.Errors;
using AdrPlatform.Model;

namespace AdrPlatform.Domain;

/// <summary>The status machine: proposed → accepted | rejected; accepted → deprecated | superseded.</summary>
public static class AdrLifecycle
{
    private static readonly FrozenDictionary<AdrStatus, AdrStatus[]> Allowed = new Dictionary<AdrStatus, AdrStatus[]>
    {
        [AdrStatus.Proposed] = [AdrStatus.Accepted, AdrStatus.Rejected],
        [AdrStatus.Accepted] = [AdrStatus.Deprecated, AdrStatus.Superseded],
        [AdrStatus.Rejected] = [],
        [AdrStatus.Deprecated] = [],
        [AdrStatus.Superseded] = [],
    }.ToFrozenDictionary();

    public static IReadOnlyList<AdrStatus> AllowedFrom(AdrStatus status) => Allowed[status];

    public static void EnsureAllowed(AdrStatus from, AdrStatus to)
    {
        if (!Enum.IsDefined(to))
        {
            throw AdrPlatformException.Invalid("Unknown status; use proposed, accepted, rejected, deprecated or superseded.");
        }

        if (Allowed[from].Contains(to))
        {
            return;
        }

        var next = Allowed[from];
        var allowed = next.Length == 0
            ? $"{Name(from)} is final: no further status change is allowed"
            : $"from {Name(from)} the ADR can become {string.Join(" or ", next.Select(Name))}";
        throw AdrPlatformException.Precondition($"Cannot change status from {Name(from)} to {Name(to)}: {allowed}.");
    }

    public static string Name(AdrStatus status) => status.ToString().ToLowerInvariant();
}
