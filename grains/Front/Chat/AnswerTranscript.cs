using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using AdrPlatform.Domain.Chat;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Grains.Chat;

/// <summary>One answer's content: the passages it is grounded in, the prompt sent, what the provider streamed back and how it ended.</summary>
internal sealed partial class AnswerTranscript
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _delta = new();
    private UsageDetails? _reportedUsage;
    private string? _reportedFinish;

    public ImmutableArray<Passage> Passages { get; private set; } = [];

    public IReadOnlyList<ChatMessage> Prompt { get; private set; } = [];

    /// <summary>The prompt was handed to the provider: from here on the answer is charged.</summary>
    public bool ProviderAsked { get; private set; }

    /// <summary>The provider ended the answer itself (rather than a cancellation or failure cutting it off).</summary>
    public bool Completed { get; private set; }

    public string Finish { get; private set; } = "cancelled";

    public bool HasText => _text.Length > 0;

    public string Text => _text.ToString();

    public void Ground(ImmutableArray<Passage> passages, IReadOnlyList<ChatMessage> prompt)
    {
        Passages = passages;
        Prompt = prompt;
    }

    public void MarkProviderAsked() => ProviderAsked = true;

    /// <summary>Takes in a batch of updates and returns their text as one delta (empty when they carried none).</summary>
    public string Append(IReadOnlyList<ChatResponseUpdate> batch)
    {
        _delta.Clear();
        foreach (var update in batch)
        {
            _reportedUsage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? _reportedUsage;
            _reportedFinish = update.FinishReason?.Value ?? _reportedFinish;
            _delta.Append(update.Text);
        }

        if (_delta.Length == 0)
        {
            return string.Empty;
        }

        var piece = _delta.ToString();
        _text.Append(piece);
        return piece;
    }

    public void Complete()
    {
        Completed = true;
        Finish = _reportedFinish ?? "stop";
    }

    public void CutOff(string finish) => Finish = finish;

    public int PromptTokens(ITokenCounter tokens) => Prompt.Sum(m => tokens.Count(m.Text));

    /// <summary>The provider's reported usage, or, where it reports none (a cancelled stream), the streamed tokens counted.</summary>
    public (int Prompt, int Completion) Usage(ITokenCounter tokens) =>
        _reportedUsage is { InputTokenCount: { } input, OutputTokenCount: { } output }
            ? ((int)input, (int)output)
            : (PromptTokens(tokens), tokens.Count(Text));

    /// <summary>The grounding passages the answer's text cites.</summary>
    public ImmutableArray<ChatCitation> Citations() =>
        [.. CitationPattern().Matches(Text)
            .Select(m => SourceLabels.Parse(m.Groups[1].Value))
            .OfType<(int Number, string? DocumentId)>()
            .Distinct()
            .Select(source => Passages.FirstOrDefault(p => p.DocumentId == source.DocumentId && (source.DocumentId is not null || p.Number == source.Number)))
            .OfType<Passage>()
            .Select(p => new ChatCitation(p.Number, p.Title, p.DocumentId))];

    [GeneratedRegex(SourceLabels.CitationPattern)]
    private static partial Regex CitationPattern();
}
