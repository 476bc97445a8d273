namespace AdrPlatform.Integration.Tests.FakeProvider;

/// <summary>How a <see cref="FakeChatProvider"/> request goes wrong, if it does.</summary>
public enum FakeChatFault
{
    /// <summary>Answer normally.</summary>
    None,

    /// <summary>429 with an OpenAI rate-limit error body and retry-after / retry-after-ms headers (<see cref="FakeChatBehavior.RetryAfter"/>).</summary>
    Status429,

    /// <summary>500 with an OpenAI server_error body.</summary>
    Status500,

    /// <summary>Read the request, then send nothing (not even headers) until the client goes away or the provider is disposed.</summary>
    Hang,

    /// <summary>Stream <see cref="FakeChatBehavior.DropAfterTokens"/> tokens (default half), then abort the connection without finishing the response.</summary>
    DropMidStream,

    /// <summary>200 with a body that is not valid SSE/JSON.</summary>
    Garbage,
}

/// <summary>
/// What a <see cref="FakeChatProvider"/> does with the next requests. Immutable: change it per test with
/// <c>provider.Behavior = provider.Behavior with { ... }</c>; each request takes one consistent snapshot when it arrives.
/// </summary>
public sealed record FakeChatBehavior
{
    /// <summary>Delay between the response headers and the first chunk (role + first token); for non-streaming requests, before the body.</summary>
    public TimeSpan TimeToFirstToken { get; init; }

    /// <summary>Delay between consecutive token chunks.</summary>
    public TimeSpan InterTokenGap { get; init; }

    /// <summary>How many completion tokens an answer has, before any max_tokens / max_completion_tokens cut (which gives finish_reason "length").</summary>
    public int Tokens { get; init; } = 16;

    public FakeChatFault Fault { get; init; }

    /// <summary>When set, only the first request after this behavior was installed faults; later ones are answered normally.</summary>
    public bool FaultOnceThenRecover { get; init; }

    /// <summary>The retry-after (whole seconds, rounded up) and retry-after-ms headers sent with <see cref="FakeChatFault.Status429"/>.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>With <see cref="FakeChatFault.DropMidStream"/>: tokens sent before the abort (default: half of the answer, at least one).</summary>
    public int? DropAfterTokens { get; init; }

    /// <summary>
    /// Token text from (last user message, token index). Default: <see cref="FakeChatProvider.DefaultToken"/> — "Answer:", then the
    /// user's words echoed, then filler words, each later token with a leading space.
    /// </summary>
    public Func<string, int, string>? TokenText { get; init; }
}
