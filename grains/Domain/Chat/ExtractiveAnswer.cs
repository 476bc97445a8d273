using System.Text.RegularExpressions;
using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Chat;

/// <summary>
/// The built-in local provider's "model": no language model at all, it quotes the passage sentences
/// that share the most words with the question, each followed by its citation.
/// </summary>
public static partial class ExtractiveAnswer
{
    public const string NothingFound = "None of the tenant's ADR passages I was given answers this question.";

    public static string Compose(string question, IReadOnlyList<GroundingPassage> passages, int maxSentences = 3)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var wanted = SearchText.Terms(question).ToHashSet(StringComparer.Ordinal);
        var picked = passages
            .SelectMany((passage, order) => Sentences(passage.Text).Select((sentence, index) => (passage.Label, Sentence: sentence, order, index)))
            .Select(s => (s.Label, s.Sentence, s.order, s.index, Overlap: SearchText.Terms(s.Sentence).Distinct().Count(wanted.Contains)))
            .Where(s => s.Overlap > 0)
            .OrderByDescending(s => s.Overlap).ThenBy(s => s.order).ThenBy(s => s.index)
            .Take(maxSentences)
            .OrderBy(s => s.order).ThenBy(s => s.index)
            .ToList();
        return picked.Count == 0
            ? NothingFound
            : string.Join(" ", picked.Select(s => $"{s.Sentence} [{s.Label}]"));
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text.ReplaceLineEndings(" "))
            .Select(s => s.Trim().TrimStart('#', '-', '*', ' '))
            .Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?])\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceEnd();
}
