using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using AdrPlatform.Adapters.Chat;
using AdrPlatform.Domain;
using AdrPlatform.Domain.Chat;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using System.Diagnostics;
using AdrPlatform.Observability;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace AdrPlatform.Grains.Chat;

/// <summary>
/// One conversation. Activated on the silo that received the call, so tokens do not cross silos.
/// An answer is grounded in the tenant's most relevant ADR passages (hybrid search) and streamed
/// from the configured chat provider; the RPC's cancellation token reaches the provider request.
/// </summary>
[PreferLocalPlacement]
public sealed partial class ChatSessionGrain(
    [PersistentState("chat", StorageNames.Chats)] IPersistentState<ChatSessionState> state,
    ChatModels models,
    ITokenCounter tokens,
    IUsageLedger ledger,
    IOptions<ChatSessionOptions> settings,
    TimeProvider clock) : Grain, IChatSessionGrain
{
    private const int MaxUpdatesPerDelta = 64;

    private StreamingAnswer? _streaming;

    private Task _answerWrite = Task.CompletedTask;

    private string Tenant => this.GetPrimaryKeyString().Split('/')[0];

    private string SessionId => this.GetPrimaryKeyString().Split('/')[1];

    public async Task<ChatSessionView> CreateAsync(string user, string title)
    {
        if (state.RecordExists)
        {
            throw new AdrPlatformException(ErrorKind.AlreadyExists, "That session already exists.");
        }

        state.State = new ChatSessionState { Owner = user, Title = SessionTitle(title), CreatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        var view = View(includeMessages: false);
        await GrainFactory.GetGrain<IChatDirectoryGrain>($"{Tenant}/{user}").AddAsync(view);
        return view;
    }

    public Task<ChatSessionView> GetAsync(string user)
    {
        Owned(user);
        return Task.FromResult(View(includeMessages: true));
    }

    public async Task DeleteAsync(string user)
    {
        Owned(user);
        var streaming = _streaming;
        if (streaming is not null)
        {
            await streaming.CancelForDeletionAsync();
        }

        // A finished answer's write still in flight would make the clear fail its version check; its own failure is its caller's.
        await _answerWrite.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await state.ClearStateAsync();
        state.State = new ChatSessionState();
        await GrainFactory.GetGrain<IChatDirectoryGrain>($"{Tenant}/{user}").RemoveAsync(SessionId);
        if (streaming is null)
        {
            // A cancelled answer still settles its bill in this activation; it is collected once idle after that.
            DeactivateOnIdle();
        }
    }

    public async Task<bool> CancelAsync(string user, string messageId)
    {
        Owned(user);
        if (_streaming is { } streaming && streaming.MessageId == messageId)
        {
            await streaming.CancelAsync();
            return true;
        }

        return false;
    }

    public async IAsyncEnumerable<ChatEvent> SendAsync(string user, string text, string? model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Owned(user);
        var question = Question(text);
        if (_streaming is not null)
        {
            throw AdrPlatformException.Precondition("An answer is already streaming in this session; wait for it or cancel it.");
        }

        // What refuses a message without calling anything is checked before the session counts as streaming.
        var chosen = models.Resolve(model);
        var options = settings.Value;
        var messageId = Guid.NewGuid().ToString("N");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streaming = new StreamingAnswer(messageId, cancel);
        var answer = new StringBuilder();
        var finish = "cancelled";
        UsageDetails? reported = null;
        List<ChatMessage> prompt = [];
        ImmutableArray<Passage> passages = [];
        var tenant = GrainFactory.GetGrain<ITenantGrain>(Tenant);
        var reserved = false;
        ReservationRenewal? renewal = null;
        var settled = false;
        var chat = chosen.Client;
        var modelName = chosen.Alias;
        var tags = new TagList { { "tenant", Tenant }, { "model", modelName } };
        using var activity = PlatformTelemetry.Traces.StartActivity("chat.answer");
        activity?.SetTag("adrplatform.tenant", Tenant);
        activity?.SetTag("gen_ai.request.model", modelName);
        var started = clock.GetTimestamp();
        long? lastToken = null;
        _streaming = streaming;
        try
        {
            passages = await GrainFactory.GetGrain<ISearchGrain>(Tenant).PassagesAsync(question, options.GroundingPassages);
            prompt = Prompt(passages, question, options.HistoryTurns);

            // The worst case is held before the provider is called; the real usage is settled after, whatever happens.
            await tenant.ReserveChatAsync(
                user, messageId, prompt.Sum(m => tokens.Count(m.Text)), options.MaxOutputTokens,
                chosen.InputPricePerMillionTokens, chosen.OutputPricePerMillionTokens);
            reserved = true;
            renewal = ReservationRenewal.Start(tenant, messageId, options.ReservationLifetime, clock, streaming);
            PlatformTelemetry.ActiveStreams.Add(1);
            state.State.Messages.Add(new ChatMessageRecord(Guid.NewGuid().ToString("N"), true, question, [], clock.GetUtcNow(), null));
            yield return ChatEvent.Started(messageId, modelName);

            var stream = chat.GetStreamingResponseAsync(prompt, new ChatOptions { MaxOutputTokens = options.MaxOutputTokens }, cancel.Token)
                .GetAsyncEnumerator(cancel.Token);
            var updates = new ReadyBatches<ChatResponseUpdate>(stream, MaxUpdatesPerDelta);
            var delta = new StringBuilder();
            string? reportedFinish = null;
            var completed = false;
            try
            {
                while (true)
                {
                    var (batch, failure) = await TryNextBatch(updates);
                    if (failure is not null)
                    {
                        if (answer.Length == 0 && failure is not OperationCanceledException)
                        {
                            finish = "error";
                            throw new AdrPlatformException(ErrorKind.Unavailable, "The AI provider is unavailable; retry shortly.");
                        }

                        finish = failure is OperationCanceledException ? "cancelled" : "error";
                        break;
                    }

                    if (batch.Count == 0)
                    {
                        finish = reportedFinish ?? "stop";
                        completed = true;
                        break;
                    }

                    // Tokens that piled up while this answer waited for a core go out as one delta.
                    delta.Clear();
                    foreach (var update in batch)
                    {
                        reported = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? reported;
                        reportedFinish = update.FinishReason?.Value ?? reportedFinish;
                        delta.Append(update.Text);
                    }

                    if (delta.Length > 0)
                    {
                        var now = clock.GetTimestamp();
                        (lastToken is not null ? PlatformTelemetry.InterTokenGap : PlatformTelemetry.FirstTokenLatency)
                            .Record(clock.GetElapsedTime(lastToken ?? started, now).TotalMilliseconds, tags);
                        lastToken = now;
                        var piece = delta.ToString();
                        answer.Append(piece);
                        yield return ChatEvent.Delta(piece);
                    }
                }
            }
            finally
            {
                // Cancel before disposing: a provider stream disposed mid-answer would otherwise drain the
                // HTTP response for seconds instead of closing the connection at once.
                if (!completed)
                {
                    await cancel.CancelAsync();
                }

                await stream.DisposeAsync();
            }

            yield return ChatEvent.Cited(Citations(answer.ToString(), passages));
            var (promptTokens, completionTokens) = Usage(reported, prompt, answer.ToString());
            await renewal.DisposeAsync();
            settled = true;
            var cost = await Settle(tenant, new UsageEntry(messageId, user, modelName, promptTokens, completionTokens, 0m, clock.GetUtcNow()), tags);
            yield return ChatEvent.Used(promptTokens, completionTokens, cost);
            yield return ChatEvent.Finished(finish);
        }
        finally
        {
            try
            {
                if (renewal is not null)
                {
                    await renewal.DisposeAsync();
                }

                if (reserved && !settled)
                {
                    // Cancelled, disconnected or failed: billed for what was streamed, counted with the tokenizer.
                    var (promptTokens, completionTokens) = Usage(reported, prompt, answer.ToString());
                    await Settle(tenant, new UsageEntry(messageId, user, modelName, promptTokens, completionTokens, 0m, clock.GetUtcNow()), tags);
                }

                if (reserved)
                {
                    PlatformTelemetry.ActiveStreams.Add(-1);
                    if (finish == "cancelled")
                    {
                        PlatformTelemetry.Cancellations.Add(1, tags);
                    }

                    activity?.SetTag("adrplatform.finish_reason", finish);
                    if (!streaming.SessionDeleted)
                    {
                        await Remember(answer.ToString(), Citations(answer.ToString(), passages), finish, options.MaxMessagesPerSession);
                    }
                }
            }
            finally
            {
                // Cleared last: a delete arriving while the answer settles must still see it.
                _streaming = null;
            }
        }
    }

    /// <summary>Charges the answer with the tenant grain, then records what was charged in the usage ledger.</summary>
    private async Task<decimal> Settle(ITenantGrain tenant, UsageEntry usage, TagList tags)
    {
        var (promptTokens, completionTokens) = (usage.PromptTokens, usage.CompletionTokens);
        var cost = await tenant.SettleChatAsync(usage.MessageId, promptTokens, completionTokens);
        await ledger.RecordAsync(Tenant, usage with { CostUsd = cost }, CancellationToken.None);
        var prompt = tags;
        prompt.Add("kind", "prompt");
        var completion = tags;
        completion.Add("kind", "completion");
        PlatformTelemetry.Tokens.Add(promptTokens, prompt);
        PlatformTelemetry.Tokens.Add(completionTokens, completion);
        PlatformTelemetry.Cost.Add((double)cost, tags);
        return cost;
    }

    private static async Task<(IReadOnlyList<ChatResponseUpdate> Batch, Exception? Failure)> TryNextBatch(ReadyBatches<ChatResponseUpdate> updates)
    {
        try
        {
            return (await updates.NextAsync(), null);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return ([], error);
        }
    }

    private List<ChatMessage> Prompt(ImmutableArray<Passage> passages, string question, int historyTurns)
    {
        List<ChatMessage> prompt = [new(ChatRole.System, GroundingPrompt.Render([.. passages.Select(p => new GroundingPassage(SourceLabels.For(p.Number, p.DocumentId), p.Title, p.Section, p.Text))]))];
        prompt.AddRange(state.State.Messages.TakeLast(historyTurns * 2).Select(m => new ChatMessage(m.FromUser ? ChatRole.User : ChatRole.Assistant, m.Text)));
        prompt.Add(new ChatMessage(ChatRole.User, question));
        return prompt;
    }

    /// <summary>The provider's reported usage, or, where it reports none (a cancelled stream), the streamed tokens counted.</summary>
    private (int Prompt, int Completion) Usage(UsageDetails? reported, List<ChatMessage> prompt, string answer) =>
        reported is { InputTokenCount: { } input, OutputTokenCount: { } output }
            ? ((int)input, (int)output)
            : (prompt.Sum(m => tokens.Count(m.Text)), tokens.Count(answer));

    private async Task Remember(string answer, ImmutableArray<ChatCitation> citations, string finish, int maxMessages)
    {
        state.State.Messages.Add(new ChatMessageRecord(Guid.NewGuid().ToString("N"), false, answer, citations, clock.GetUtcNow(), finish));
        if (state.State.Messages.Count > maxMessages)
        {
            state.State.Messages.RemoveRange(0, state.State.Messages.Count - maxMessages);
        }

        _answerWrite = state.WriteStateAsync();
        await _answerWrite;
    }

    private static ImmutableArray<ChatCitation> Citations(string answer, ImmutableArray<Passage> passages) =>
        [.. CitationPattern().Matches(answer)
            .Select(m => SourceLabels.Parse(m.Groups[1].Value))
            .OfType<(int Number, string? DocumentId)>()
            .Distinct()
            .Select(source => passages.FirstOrDefault(p => p.DocumentId == source.DocumentId && (source.DocumentId is not null || p.Number == source.Number)))
            .OfType<Passage>()
            .Select(p => new ChatCitation(p.Number, p.Title, p.DocumentId))];

    private string Question(string text)
    {
        var question = (text ?? string.Empty).Trim();
        var max = settings.Value.MaxQuestionLength;
        return question.Length == 0
            ? throw AdrPlatformException.Invalid("A question is required.")
            : question.Length > max
                ? throw new AdrPlatformException(ErrorKind.ResourceExhausted, $"The question has {question.Length} characters; at most {max} are allowed.")
                : question;
    }

    private static string SessionTitle(string title)
    {
        var value = (title ?? string.Empty).Trim();
        return value.Length <= 200 && !value.Any(char.IsControl)
            ? (value.Length == 0 ? "New conversation" : value)
            : throw AdrPlatformException.Invalid("A session title is one line of at most 200 characters.");
    }

    private void Owned(string user)
    {
        if (!state.RecordExists || state.State.Owner != user)
        {
            throw AdrPlatformException.NotFound("That chat session does not exist.");
        }
    }

    private ChatSessionView View(bool includeMessages) =>
        new(SessionId, state.State.Title, state.State.CreatedAt, includeMessages ? [.. state.State.Messages] : []);

    [GeneratedRegex(SourceLabels.CitationPattern)]
    private static partial Regex CitationPattern();
}
