using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using AdrPlatform.Domain.Chat;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Observability;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains.Chat;

/// <summary>
/// One conversation. Activated on the silo that received the call, so tokens do not cross silos.
/// An answer is grounded in the tenant's most relevant ADR passages (hybrid search), reserved with the tenant and
/// streamed from the configured chat provider; the RPC's cancellation reaches the search, the reservation and the provider request.
/// </summary>
[OnSiloRole(SiloRoles.Front)]
[PreferLocalPlacement]
public sealed class ChatSessionGrain(
    [PersistentState("chat", StorageNames.Chats)] IPersistentState<ChatSessionState> state,
    IChatModels models,
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
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streaming = new StreamingAnswer(Guid.NewGuid().ToString("N"), cancel);
        var tags = new TagList { { "tenant", Tenant }, { "model", chosen.Alias } };
        var timing = new TokenTiming(clock, tags);
        var bill = new AnswerBill(GrainFactory.GetGrain<ITenantGrain>(Tenant), ledger, clock, user, streaming.MessageId, chosen, tags);
        var transcript = new AnswerTranscript();
        using var activity = StartAnswerActivity(Tenant, chosen.Alias);
        _streaming = streaming;
        try
        {
            var passages = await RetrieveAsync(question, cancel.Token);
            transcript.Ground(passages, Prompt(passages, question));
            await ReserveAsync(bill, transcript, streaming, cancel.Token);
            state.State.Messages.Add(new ChatMessageRecord(Guid.NewGuid().ToString("N"), true, question, [], clock.GetUtcNow(), null));
            yield return ChatEvent.Started(streaming.MessageId, chosen.Alias);
            await foreach (var delta in StreamFromProviderAsync(chosen.Client, transcript, cancel, timing))
            {
                yield return ChatEvent.Delta(delta);
            }

            yield return ChatEvent.Cited(transcript.Citations());
            var (promptTokens, completionTokens) = transcript.Usage(tokens);
            var cost = await bill.ChargeAsync(promptTokens, completionTokens);
            yield return ChatEvent.Used(promptTokens, completionTokens, cost);
            yield return ChatEvent.Finished(transcript.Finish);
        }
        finally
        {
            await EndAsync(streaming, bill, transcript, activity, tags);
        }
    }

    private static Activity? StartAnswerActivity(string tenant, string model)
    {
        var activity = PlatformTelemetry.Traces.StartActivity("chat.answer");
        activity?.SetTag("adrplatform.tenant", tenant);
        activity?.SetTag("gen_ai.request.model", model);
        return activity;
    }

    /// <summary>The tenant's most relevant ADR and document passages for the question (hybrid search).</summary>
    private Task<ImmutableArray<Passage>> RetrieveAsync(string question, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<ISearchGrain>(Tenant).PassagesAsync(question, settings.Value.GroundingPassages, cancellationToken);

    private List<ChatMessage> Prompt(ImmutableArray<Passage> passages, string question)
    {
        List<ChatMessage> prompt = [new(ChatRole.System, GroundingPrompt.Render([.. passages.Select(p => new GroundingPassage(SourceLabels.For(p.Number, p.DocumentId), p.Title, p.Section, p.Text))]))];
        prompt.AddRange(state.State.Messages.TakeLast(settings.Value.HistoryTurns * 2).Select(m => new ChatMessage(m.FromUser ? ChatRole.User : ChatRole.Assistant, m.Text)));
        prompt.Add(new ChatMessage(ChatRole.User, question));
        return prompt;
    }

    /// <summary>Holds the answer's worst case (the prompt and the longest answer allowed) before the provider is asked.</summary>
    private async Task ReserveAsync(AnswerBill bill, AnswerTranscript transcript, StreamingAnswer streaming, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        await bill.ReserveAsync(transcript.PromptTokens(tokens), options.MaxOutputTokens, options.ReservationLifetime, streaming, cancellationToken);
        PlatformTelemetry.ActiveStreams.Add(1);
    }

    /// <summary>The provider's answer as deltas, until it completes, fails or is cancelled; tokens that piled up while this answer waited for a core go out as one delta.</summary>
    private async IAsyncEnumerable<string> StreamFromProviderAsync(IChatClient chat, AnswerTranscript transcript, CancellationTokenSource cancel, TokenTiming timing)
    {
        transcript.MarkProviderAsked();
        var stream = chat.GetStreamingResponseAsync(transcript.Prompt, new ChatOptions { MaxOutputTokens = settings.Value.MaxOutputTokens }, cancel.Token)
            .GetAsyncEnumerator(cancel.Token);
        var updates = new ReadyBatches<ChatResponseUpdate>(stream, MaxUpdatesPerDelta);
        try
        {
            while (await NextBatchAsync(updates, transcript) is { Count: > 0 } batch)
            {
                var delta = transcript.Append(batch);
                if (delta.Length > 0)
                {
                    timing.DeltaSent();
                    yield return delta;
                }
            }
        }
        finally
        {
            // Cancel before disposing: a provider stream disposed mid-answer would otherwise drain the
            // HTTP response for seconds instead of closing the connection at once.
            if (!transcript.Completed)
            {
                await cancel.CancelAsync();
            }

            await stream.DisposeAsync();
        }
    }

    /// <summary>
    /// The next batch of updates, or none once the answer ended: completed, cancelled, or failed after its first
    /// token (what streamed is kept). A provider failing before the first token fails the message as UNAVAILABLE.
    /// </summary>
    private static async Task<IReadOnlyList<ChatResponseUpdate>> NextBatchAsync(ReadyBatches<ChatResponseUpdate> updates, AnswerTranscript transcript)
    {
        IReadOnlyList<ChatResponseUpdate> batch;
        try
        {
            batch = await updates.NextAsync();
        }
        catch (OperationCanceledException)
        {
            transcript.CutOff("cancelled");
            return [];
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            transcript.CutOff("error");
            return transcript.HasText ? [] : throw new AdrPlatformException(ErrorKind.Unavailable, "The AI provider is unavailable; retry shortly.");
        }

        if (batch.Count == 0)
        {
            transcript.Complete();
        }

        return batch;
    }

    /// <summary>
    /// However the answer ended, its bill is closed: cancelled, disconnected or failed, it is charged for what the
    /// provider was asked and streamed (counted with the tokenizer), or refunded if the provider was never asked.
    /// An admitted answer is then counted and remembered in the session.
    /// </summary>
    private async Task EndAsync(StreamingAnswer streaming, AnswerBill bill, AnswerTranscript transcript, Activity? activity, TagList tags)
    {
        try
        {
            if (bill.IsOpen)
            {
                var (promptTokens, completionTokens) = transcript.Usage(tokens);
                await (transcript.ProviderAsked ? bill.ChargeAsync(promptTokens, completionTokens) : bill.RefundAsync());
            }

            if (bill.WasHeld)
            {
                PlatformTelemetry.ActiveStreams.Add(-1);
                if (transcript.Finish == "cancelled")
                {
                    PlatformTelemetry.Cancellations.Add(1, tags);
                }

                activity?.SetTag("adrplatform.finish_reason", transcript.Finish);
                if (!streaming.SessionDeleted)
                {
                    await Remember(transcript);
                }
            }
        }
        finally
        {
            // Cleared last: a delete arriving while the answer settles must still see it.
            _streaming = null;
        }
    }

    private async Task Remember(AnswerTranscript transcript)
    {
        state.State.Messages.Add(new ChatMessageRecord(Guid.NewGuid().ToString("N"), false, transcript.Text, transcript.Citations(), clock.GetUtcNow(), transcript.Finish));
        var maxMessages = settings.Value.MaxMessagesPerSession;
        if (state.State.Messages.Count > maxMessages)
        {
            state.State.Messages.RemoveRange(0, state.State.Messages.Count - maxMessages);
        }

        _answerWrite = state.WriteStateAsync();
        await _answerWrite;
    }

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
}
