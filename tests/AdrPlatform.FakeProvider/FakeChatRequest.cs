namespace AdrPlatform.Integration.Tests.FakeProvider;

/// <summary>How the server side of one <see cref="FakeChatProvider"/> request ended.</summary>
public enum FakeChatOutcome
{
    /// <summary>Still being answered.</summary>
    Running,

    /// <summary>A full answer was sent.</summary>
    Completed,

    /// <summary>A 429/500 or garbage response was sent in full.</summary>
    Faulted,

    /// <summary>The provider aborted the connection on purpose (<see cref="FakeChatFault.DropMidStream"/>).</summary>
    Dropped,

    /// <summary>The client went away first (<see cref="HttpContext.RequestAborted"/> fired).</summary>
    ClientAborted,

    /// <summary>The provider was disposed while the request was still open.</summary>
    ProviderStopped,
}

/// <summary>
/// What a <see cref="FakeChatProvider"/> saw of one POST /v1/chat/completions, and when. Times are on the provider's
/// Stopwatch clock (<see cref="FakeChatProvider.Now"/>); the mutable ones are updated by the server as the request goes on.
/// </summary>
public sealed class FakeChatRequest
{
    private const long Unset = -1;
    private const int StateRunning = 0, StateClosing = 1;

    private readonly TaskCompletionSource<FakeChatRequest> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _firstTokenTicks = Unset, _abortedTicks = Unset, _completedTicks = Unset;
    private int _tokensSent, _outcome, _state;

    internal FakeChatRequest(
        int id, string? model, int messageCount, string lastUserMessage, bool stream, bool includeUsage, int? maxTokens,
        string? authorization, FakeChatFault fault, TimeSpan startedAt)
    {
        Id = id;
        Model = model;
        MessageCount = messageCount;
        LastUserMessage = lastUserMessage;
        Stream = stream;
        IncludeUsage = includeUsage;
        MaxTokens = maxTokens;
        Authorization = authorization;
        Fault = fault;
        StartedAt = startedAt;
    }

    /// <summary>1, 2, 3... in arrival order; the response id is "chatcmpl-fake-{Id}".</summary>
    public int Id { get; }

    /// <summary>The body's model; for an Azure OpenAI request without one, the deployment of its path.</summary>
    public string? Model { get; }

    public int MessageCount { get; }

    /// <summary>Text of the last "user" message ("" when none).</summary>
    public string LastUserMessage { get; }

    public bool Stream { get; }

    /// <summary>stream_options.include_usage.</summary>
    public bool IncludeUsage { get; }

    /// <summary>max_completion_tokens, else max_tokens.</summary>
    public int? MaxTokens { get; }

    /// <summary>The Authorization header as received, e.g. "Bearer sk-...".</summary>
    public string? Authorization { get; }

    /// <summary>The api-key header as received (Azure OpenAI's authorisation).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The request path and query, e.g. "/v1/chat/completions".</summary>
    public string Path { get; init; } = "";

    /// <summary>The fault applied to this request (None once a <see cref="FakeChatBehavior.FaultOnceThenRecover"/> fault was spent).</summary>
    public FakeChatFault Fault { get; }

    /// <summary>When the server began handling the request.</summary>
    public TimeSpan StartedAt { get; }

    /// <summary>When the first token chunk was flushed (streaming) or the body was written (non-streaming).</summary>
    public TimeSpan? FirstTokenAt => Read(ref _firstTokenTicks);

    /// <summary>When the server observed the client going away (<see cref="HttpContext.RequestAborted"/> fired).</summary>
    public TimeSpan? AbortedAt => Read(ref _abortedTicks);

    /// <summary>When the server finished sending the whole response (answer or fault).</summary>
    public TimeSpan? CompletedAt => Read(ref _completedTicks);

    /// <summary>Token chunks flushed so far.</summary>
    public int TokensSent => Volatile.Read(ref _tokensSent);

    public FakeChatOutcome Outcome => (FakeChatOutcome)Volatile.Read(ref _outcome);

    /// <summary>Completes when the server is done with the request, whichever way it ended.</summary>
    public Task<FakeChatRequest> Finished => _finished.Task;

    public override string ToString() =>
        $"#{Id} {Model} stream={Stream} tokens={TokensSent} outcome={Outcome} started={StartedAt.TotalMilliseconds:F1}ms " +
        $"first={FirstTokenAt?.TotalMilliseconds:F1} aborted={AbortedAt?.TotalMilliseconds:F1} completed={CompletedAt?.TotalMilliseconds:F1}";

    internal void TokenFlushed(TimeSpan now)
    {
        if (Interlocked.Increment(ref _tokensSent) == 1)
        {
            Volatile.Write(ref _firstTokenTicks, now.Ticks);
        }
    }

    /// <summary>A non-streaming answer of <paramref name="tokens"/> tokens was written in one go.</summary>
    internal void BodyWritten(TimeSpan now, int tokens)
    {
        Volatile.Write(ref _tokensSent, tokens);
        Volatile.Write(ref _firstTokenTicks, now.Ticks);
    }

    /// <summary>Called from the RequestAborted callback; false when the server had already ended the request itself.</summary>
    internal bool TryMarkClientAborted(TimeSpan now)
    {
        if (Interlocked.CompareExchange(ref _state, StateClosing, StateRunning) != StateRunning)
        {
            return false;
        }

        Volatile.Write(ref _abortedTicks, now.Ticks);
        Volatile.Write(ref _outcome, (int)FakeChatOutcome.ClientAborted);
        return true;
    }

    /// <summary>Ends the request as <paramref name="outcome"/>; false when the client had already gone away.</summary>
    internal bool TryEnd(FakeChatOutcome outcome, TimeSpan now)
    {
        if (Interlocked.CompareExchange(ref _state, StateClosing, StateRunning) != StateRunning)
        {
            return false;
        }

        if (outcome is FakeChatOutcome.Completed or FakeChatOutcome.Faulted)
        {
            Volatile.Write(ref _completedTicks, now.Ticks);
        }

        Volatile.Write(ref _outcome, (int)outcome);
        return true;
    }

    /// <summary>Called once the handler has returned: a request nobody ended was cut short by the provider.</summary>
    internal void Close(bool providerStopping)
    {
        TryEnd(providerStopping ? FakeChatOutcome.ProviderStopped : FakeChatOutcome.Dropped, default);
        _finished.TrySetResult(this);
    }

    private static TimeSpan? Read(ref long ticks) => Volatile.Read(ref ticks) is var t && t == Unset ? null : TimeSpan.FromTicks(t);
}
