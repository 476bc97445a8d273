using System.Runtime.CompilerServices;
using AdrPlatform.Errors;
using AdrPlatform.Observability;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// One model served by an ordered list of providers. A request waits for a stream slot (beyond the
/// queue limit it is refused), then tries each provider whose circuit is closed, retrying 429, 5xx and
/// transport failures with exponential backoff — but only before the first token: once tokens were
/// sent, a failure ends the stream instead of silently restarting the answer elsewhere.
/// </summary>
public sealed class ResilientChatClient : IChatClient
{
    private readonly IReadOnlyList<(IChatClient Client, CircuitBreaker Circuit)> _providers;
    private readonly ResilienceOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _slots;
    private int _waiting;

    public ResilientChatClient(IReadOnlyList<IChatClient> providers, ResilienceOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(options);
        if (providers.Count == 0)
        {
            throw new ArgumentException("At least one provider is needed.", nameof(providers));
        }

        _providers = [.. providers.Select(p => (p, new CircuitBreaker(options.FailuresToBreak, options.BreakDuration, clock)))];
        _options = options;
        _clock = clock;
        _slots = new SemaphoreSlim(options.MaxConcurrentStreams, options.MaxConcurrentStreams);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conversation = messages.ToList();
        await EnterSlot(cancellationToken);
        try
        {
            var (stream, first) = await FirstUpdate(conversation, options, cancellationToken);
            await using (stream)
            {
                yield return first;
                while (await stream.MoveNextAsync())
                {
                    yield return stream.Current;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType.IsInstanceOfType(this) && serviceKey is null ? this : _providers[0].Client.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        _slots.Dispose();
        foreach (var (client, _) in _providers)
        {
            client.Dispose();
        }
    }

    private async Task EnterSlot(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return;
        }

        if (Interlocked.Increment(ref _waiting) > _options.MaxQueueDepth)
        {
            Interlocked.Decrement(ref _waiting);
            throw new AdrPlatformException(ErrorKind.ResourceExhausted, "The model is at capacity; retry in a few seconds.");
        }

        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Tries providers in order until one yields a first update; the stream is returned open after it.</summary>
    private async Task<(IAsyncEnumerator<ChatResponseUpdate> Stream, ChatResponseUpdate First)> FirstUpdate(
        List<ChatMessage> conversation, ChatOptions? options, CancellationToken cancellationToken)
    {
        foreach (var (client, circuit) in _providers)
        {
            for (var attempt = 0; attempt <= _options.MaxRetries && circuit.TryEnter(); attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(_options.FirstBackoff * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble())), _clock, cancellationToken);
                }

                // The attempt's own token: the caller's cancel, or the first-token deadline, whichever comes first.
                var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptToken.CancelAfter(_options.FirstTokenTimeout);
                var stream = client.GetStreamingResponseAsync(conversation, options, attemptToken.Token).GetAsyncEnumerator(attemptToken.Token);
                try
                {
                    if (await stream.MoveNextAsync())
                    {
                        attemptToken.CancelAfter(Timeout.InfiniteTimeSpan);
                        circuit.Succeeded();
                        return (new OwningEnumerator(stream, attemptToken), stream.Current);
                    }

                    circuit.Succeeded();
                    await stream.DisposeAsync();
                    attemptToken.Dispose();
                    return (EmptyStream(), new ChatResponseUpdate());
                }
                catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is not AdrPlatformException)
                {
                    await stream.DisposeAsync();
                    attemptToken.Dispose();
                    circuit.Failed();
                    PlatformTelemetry.ProviderErrors.Add(1, new KeyValuePair<string, object?>("provider", client.GetService<ChatClientMetadata>()?.ProviderName ?? "unknown"));
                    if (!Retryable(error))
                    {
                        break;
                    }
                }
                catch
                {
                    // The caller cancelled (or a platform refusal): nothing to retry, but the attempt is released.
                    await stream.DisposeAsync();
                    attemptToken.Dispose();
                    throw;
                }
            }
        }

        throw new AdrPlatformException(ErrorKind.Unavailable, "The AI provider is unavailable; retry shortly.");
    }

    private static bool Retryable(Exception error) => error switch
    {
        HttpRequestException { StatusCode: { } status } => (int)status is 408 or 429 or >= 500,
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => true, // a provider-side time-out, not the caller's cancel
        _ => false,
    };

    /// <summary>A provider stream that owns its attempt's token source, released when the stream is.</summary>
    private sealed class OwningEnumerator(IAsyncEnumerator<ChatResponseUpdate> inner, CancellationTokenSource owned) : IAsyncEnumerator<ChatResponseUpdate>
    {
        public ChatResponseUpdate Current => inner.Current;

        public ValueTask<bool> MoveNextAsync() => inner.MoveNextAsync();

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            owned.Dispose();
        }
    }

    private static async IAsyncEnumerator<ChatResponseUpdate> EmptyStream()
    {
        await Task.CompletedTask;
        yield break;
    }
}
