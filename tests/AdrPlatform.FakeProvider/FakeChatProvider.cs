using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AdrPlatform.Integration.Tests.FakeProvider;

/// <summary>
/// A loopback Kestrel server speaking the OpenAI chat completions API (POST /v1/chat/completions, and Azure OpenAI's
/// POST /openai/deployments/{deployment}/chat/completions, where the deployment stands for the model), streaming and not,
/// closely enough for the real OpenAI SDK (and Microsoft.Extensions.AI's IChatClient over it) to work unchanged.
/// Timing and faults come from <see cref="Behavior"/>; every request is recorded with Stopwatch times (<see cref="Requests"/>)
/// so tests can measure time to first token and client-cancel → provider-abort latency. Streams cost a Task.Delay per
/// token and no thread; Kestrel's connection limits are off so 1,000+ concurrent streams are fine.
/// </summary>
public sealed class FakeChatProvider : IAsyncDisposable
{
    private const string ChatPath = "/v1/chat/completions";
    private const string AzureChatPath = "/openai/deployments/{deployment}/chat/completions";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly string[] FillerWords = [" lorem", " ipsum", " dolor", " sit", " amet", " consectetur", " adipiscing", " elit"];

    // The parts of a chat.completion.chunk event that never change; the per-request head is
    // data: {"id":"chatcmpl-fake-N","object":"chat.completion.chunk","created":T,"model":"M","system_fingerprint":"fp_fake","choices":[
    private static ReadOnlySpan<byte> RoleDelta => """{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]"""u8;
    private static ReadOnlySpan<byte> ContentDeltaOpen => """{"index":0,"delta":{"content":"""u8;
    private static ReadOnlySpan<byte> ContentDeltaClose => """},"logprobs":null,"finish_reason":null}]"""u8;
    private static ReadOnlySpan<byte> FinishStop => """{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]"""u8;
    private static ReadOnlySpan<byte> FinishLength => """{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}]"""u8;
    private static ReadOnlySpan<byte> UsageOpen => """],"usage":"""u8;
    private static ReadOnlySpan<byte> TailWithNullUsage => ""","usage":null}"""u8 + "\n\n"u8;
    private static ReadOnlySpan<byte> Tail => "}\n\n"u8;
    private static ReadOnlySpan<byte> Done => "data: [DONE]\n\n"u8;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FakeChatRequest> _requests = new();
    private BehaviorSlot _behavior;
    private TaskCompletionSource<FakeChatRequest> _nextRequest = NewSignal();
    private TaskCompletionSource<FakeChatRequest> _nextAbort = NewSignal();
    private WebApplication? _app;
    private Uri? _address;
    private int _lastId, _activeStreams, _peakActiveStreams;

    public FakeChatProvider(FakeChatBehavior? behavior = null) => _behavior = new BehaviorSlot(behavior ?? new FakeChatBehavior());

    /// <summary>The server root, e.g. http://127.0.0.1:54321/.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>The OpenAI-style base URL for OpenAIClientOptions.Endpoint, e.g. http://127.0.0.1:54321/v1.</summary>
    public string BaseUrl => new Uri(Address, "v1").ToString();

    /// <summary>What the next requests get. Setting it is atomic (requests in flight keep their snapshot) and re-arms FaultOnceThenRecover.</summary>
    public FakeChatBehavior Behavior
    {
        get => Volatile.Read(ref _behavior).Value;
        set => Volatile.Write(ref _behavior, new BehaviorSlot(value ?? throw new ArgumentNullException(nameof(value))));
    }

    /// <summary>The provider's clock (a Stopwatch started with it); all request times are on it.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Every chat request received so far, in arrival order.</summary>
    public IReadOnlyList<FakeChatRequest> Requests => [.. _requests];

    /// <summary>Streaming responses currently open (headers sent, not yet ended).</summary>
    public int ActiveStreams => Volatile.Read(ref _activeStreams);

    /// <summary>The most streaming responses open at once so far.</summary>
    public int PeakActiveStreams => Volatile.Read(ref _peakActiveStreams);

    /// <summary>Completes with the next request to arrive after this property is read.</summary>
    public Task<FakeChatRequest> NextRequestReceived => Volatile.Read(ref _nextRequest).Task;

    /// <summary>
    /// Completes with the next request whose client goes away (RequestAborted fires) after this property is read;
    /// its <see cref="FakeChatRequest.AbortedAt"/> is when the server observed it.
    /// </summary>
    public Task<FakeChatRequest> NextAbortObserved => Volatile.Read(ref _nextAbort).Task;

    public static async Task<FakeChatProvider> StartNewAsync(FakeChatBehavior? behavior = null, CancellationToken cancellationToken = default)
    {
        var provider = new FakeChatProvider(behavior);
        try
        {
            await provider.StartAsync(cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("Already started.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.MaxConcurrentUpgradedConnections = null;
            // Slow or paused readers are a scenario to measure, not something to cut off.
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(ChatPath, (RequestDelegate)HandleAsync);
        app.MapPost(AzureChatPath, (RequestDelegate)HandleAsync);
        _app = app;
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _address = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The default token <paramref name="index"/> for <paramref name="lastUserMessage"/>: "Answer:", " word"... of the message, then filler.</summary>
    public static string DefaultToken(string lastUserMessage, int index) => DefaultToken(EchoTokens(lastUserMessage), index);

    /// <summary>The first <paramref name="count"/> default tokens, i.e. what a streamed answer's deltas are.</summary>
    public static IReadOnlyList<string> DefaultTokens(string lastUserMessage, int count)
    {
        var echo = EchoTokens(lastUserMessage);
        return [.. Enumerable.Range(0, count).Select(i => DefaultToken(echo, i))];
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private static string DefaultToken(string[] echo, int index) =>
        index == 0 ? "Answer:"
        : index - 1 < echo.Length ? echo[index - 1]
        : FillerWords[(index - 1 - echo.Length) % FillerWords.Length];

    private static string[] EchoTokens(string message) =>
        [.. message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => " " + word)];

    private static TaskCompletionSource<FakeChatRequest> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context)
    {
        var startedAt = Now;
        var slot = Volatile.Read(ref _behavior);
        var behavior = slot.Value;

        ParsedChatRequest parsed;
        try
        {
            parsed = await ParsedChatRequest.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"We could not parse the JSON body of your request. ({e.Message})", "invalid_request_error", null);
            return;
        }
        catch (InvalidOperationException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Message, "invalid_request_error", null);
            return;
        }

        var fault = behavior.Fault;
        if (fault != FakeChatFault.None && behavior.FaultOnceThenRecover && Interlocked.Increment(ref slot.FaultsServed) > 1)
        {
            fault = FakeChatFault.None;
        }

        var request = new FakeChatRequest(
            Interlocked.Increment(ref _lastId), parsed.Model ?? context.Request.RouteValues["deployment"] as string, parsed.MessageCount, parsed.LastUserMessage, parsed.Stream, parsed.IncludeUsage,
            parsed.MaxTokens, context.Request.Headers.Authorization.FirstOrDefault(), fault, startedAt)
        {
            Path = context.Request.Path + context.Request.QueryString,
            ApiKey = context.Request.Headers["api-key"].FirstOrDefault(),
        };
        _requests.Enqueue(request);
        Interlocked.Exchange(ref _nextRequest, NewSignal()).TrySetResult(request);

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var registration = context.RequestAborted.UnsafeRegister(OnClientAborted, request);
        try
        {
            await AnswerAsync(context, request, behavior, parsed, registration, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away (already recorded by OnClientAborted) or the provider is stopping: then, like a
            // provider going down, cut the connection rather than end the response cleanly (which would read as a short answer).
            if (_stopping.IsCancellationRequested && request.TryEnd(FakeChatOutcome.ProviderStopped, Now))
            {
                context.Abort();
            }
        }
        finally
        {
            await registration.DisposeAsync();

            // A write that failed because the client went away can end the handler before Kestrel signals the
            // abort: a request still running here, unless the fake dropped it on purpose, was left by its client.
            if (!_stopping.IsCancellationRequested && request.Fault != FakeChatFault.DropMidStream)
            {
                OnClientAborted(request);
            }

            request.Close(_stopping.IsCancellationRequested);
        }
    }

    private void OnClientAborted(object? state)
    {
        var request = (FakeChatRequest)state!;
        if (request.TryMarkClientAborted(Now))
        {
            Interlocked.Exchange(ref _nextAbort, NewSignal()).TrySetResult(request);
        }
    }

    private async Task AnswerAsync(
        HttpContext context, FakeChatRequest request, FakeChatBehavior behavior, ParsedChatRequest parsed,
        CancellationTokenRegistration abortRegistration, CancellationToken cancellationToken)
    {
        switch (request.Fault)
        {
            case FakeChatFault.Status429:
                var retryAfter = behavior.RetryAfter < TimeSpan.Zero ? TimeSpan.Zero : behavior.RetryAfter;
                context.Response.Headers["retry-after"] = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["retry-after-ms"] = ((long)retryAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests,
                    $"Rate limit reached for {parsed.Model} (fake provider). Please try again later.", "requests", "rate_limit_exceeded");
                request.TryEnd(FakeChatOutcome.Faulted, Now);
                return;
            case FakeChatFault.Status500:
                await WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
                    "The server had an error while processing your request (fake provider).", "server_error", null);
                request.TryEnd(FakeChatOutcome.Faulted, Now);
                return;
            case FakeChatFault.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return;
            case FakeChatFault.Garbage:
                await WriteGarbageAsync(context.Response, parsed.Stream, cancellationToken);
                request.TryEnd(FakeChatOutcome.Faulted, Now);
                return;
        }

        var tokenText = behavior.TokenText;
        var echo = tokenText is null ? EchoTokens(parsed.LastUserMessage) : [];
        var count = Math.Max(0, Math.Min(behavior.Tokens, parsed.MaxTokens ?? int.MaxValue));
        var cut = count < behavior.Tokens;
        var dropAt = request.Fault == FakeChatFault.DropMidStream ? Math.Clamp(behavior.DropAfterTokens ?? Math.Max(1, count / 2), 0, count) : -1;
        string Token(int i) => tokenText is null ? DefaultToken(echo, i) : tokenText(parsed.LastUserMessage, i);

        if (!parsed.Stream)
        {
            await DelayUntilAsync(request.StartedAt + behavior.TimeToFirstToken + (count > 1 ? behavior.InterTokenGap * (count - 1) : TimeSpan.Zero), cancellationToken);

            if (dropAt >= 0)
            {
                Drop(context, request, abortRegistration);
                return;
            }

            var text = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                text.Append(Token(i));
            }

            await WriteCompletionAsync(context.Response, request, parsed, text.ToString(), count, cut, cancellationToken);
            request.BodyWritten(Now, count);
            request.TryEnd(FakeChatOutcome.Completed, Now);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["x-request-id"] = $"req_fake_{request.Id}";
        var writer = response.BodyWriter;
        await response.StartAsync(cancellationToken);
        await writer.FlushAsync(cancellationToken);

        var active = Interlocked.Increment(ref _activeStreams);
        for (var peak = Volatile.Read(ref _peakActiveStreams); active > peak; peak = Volatile.Read(ref _peakActiveStreams))
        {
            if (Interlocked.CompareExchange(ref _peakActiveStreams, active, peak) == peak)
            {
                break;
            }
        }

        try
        {
            // Token i is due at arrival + TimeToFirstToken + i × InterTokenGap, so pacing does not drift with scheduling delays.
            var firstTokenDue = request.StartedAt + behavior.TimeToFirstToken;
            await DelayUntilAsync(firstTokenDue, cancellationToken);

            var head = ChunkHead(request, parsed);
            using var json = new Utf8JsonWriter((IBufferWriter<byte>)writer, WriterOptions);

            // The role chunk goes out together with the first token, as the real service does.
            writer.Write(head);
            writer.Write(RoleDelta);
            writer.Write(parsed.IncludeUsage ? TailWithNullUsage : Tail);
            for (var i = 0; i <= count; i++)
            {
                if (i > 0 && behavior.InterTokenGap > TimeSpan.Zero)
                {
                    await DelayUntilAsync(firstTokenDue + (behavior.InterTokenGap * i), cancellationToken);
                }

                if (i == dropAt)
                {
                    Drop(context, request, abortRegistration);
                    return;
                }

                if (i == count)
                {
                    break;
                }

                writer.Write(head);
                writer.Write(ContentDeltaOpen);
                json.WriteStringValue(Token(i));
                json.Flush();
                json.Reset();
                writer.Write(ContentDeltaClose);
                writer.Write(parsed.IncludeUsage ? TailWithNullUsage : Tail);
                var flushed = await writer.FlushAsync(cancellationToken);
                request.TokenFlushed(Now);
                if (flushed.IsCanceled || flushed.IsCompleted)
                {
                    return;
                }
            }

            writer.Write(head);
            writer.Write(cut ? FinishLength : FinishStop);
            writer.Write(parsed.IncludeUsage ? TailWithNullUsage : Tail);
            if (parsed.IncludeUsage)
            {
                writer.Write(head);
                writer.Write(UsageOpen);
                WriteUsage(json, parsed.PromptTokens, count);
                json.Flush();
                writer.Write(Tail);
            }

            writer.Write(Done);
            await writer.FlushAsync(cancellationToken);
            request.TryEnd(FakeChatOutcome.Completed, Now);
        }
        finally
        {
            Interlocked.Decrement(ref _activeStreams);
        }
    }

    /// <summary>
    /// Task.Delay until <paramref name="due"/> on <see cref="Now"/>. Timers run on a coarse clock (about 4 ms on Linux) and can
    /// fire a little early, so it waits again for any remainder: configured delays are lower bounds.
    /// </summary>
    private async ValueTask DelayUntilAsync(TimeSpan due, CancellationToken cancellationToken)
    {
        for (var remaining = due - Now; remaining > TimeSpan.Zero; remaining = due - Now)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)), cancellationToken);
        }
    }

    private void Drop(HttpContext context, FakeChatRequest request, CancellationTokenRegistration abortRegistration)
    {
        // Our own Abort fires RequestAborted too: end the request first so it is not recorded as the client's doing.
        request.TryEnd(FakeChatOutcome.Dropped, Now);
        abortRegistration.Unregister();
        context.Abort();
    }

    private static byte[] ChunkHead(FakeChatRequest request, ParsedChatRequest parsed)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write("data: "u8);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", $"chatcmpl-fake-{request.Id}");
            json.WriteString("object", "chat.completion.chunk");
            json.WriteNumber("created", parsed.Created);
            json.WriteString("model", parsed.Model ?? "fake-model");
            json.WriteString("system_fingerprint", "fp_fake");
            json.WritePropertyName("choices");
            json.WriteStartArray();
            json.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteUsage(Utf8JsonWriter json, int promptTokens, int completionTokens)
    {
        json.WriteStartObject();
        json.WriteNumber("prompt_tokens", promptTokens);
        json.WriteNumber("completion_tokens", completionTokens);
        json.WriteNumber("total_tokens", promptTokens + completionTokens);
        json.WriteEndObject();
    }

    private static async Task WriteCompletionAsync(
        HttpResponse response, FakeChatRequest request, ParsedChatRequest parsed, string text, int completionTokens, bool cut, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.Headers["x-request-id"] = $"req_fake_{request.Id}";
        using (var json = new Utf8JsonWriter((IBufferWriter<byte>)response.BodyWriter, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", $"chatcmpl-fake-{request.Id}");
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", parsed.Created);
            json.WriteString("model", parsed.Model ?? "fake-model");
            json.WriteString("system_fingerprint", "fp_fake");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", text);
            json.WriteNull("refusal");
            json.WriteEndObject();
            json.WriteNull("logprobs");
            json.WriteString("finish_reason", cut ? "length" : "stop");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WritePropertyName("usage");
            WriteUsage(json, parsed.PromptTokens, completionTokens);
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private static async Task WriteGarbageAsync(HttpResponse response, bool stream, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        if (stream)
        {
            response.ContentType = "text/event-stream; charset=utf-8";
            await response.BodyWriter.WriteAsync("data: {\"id\":\"chatcmpl-garbage\",\"choices\":[{\"delta\":\n\ndata: this is not json\n\ndata: [DONE]\n\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            response.ContentType = "application/json";
            await response.BodyWriter.WriteAsync("<html><body>502 Bad Gateway, but with a 200</body></html>"u8.ToArray(), cancellationToken);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, string type, string? code)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter((IBufferWriter<byte>)response.BodyWriter, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", type);
            json.WriteNull("param");
            if (code is null)
            {
                json.WriteNull("code");
            }
            else
            {
                json.WriteString("code", code);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private sealed class BehaviorSlot(FakeChatBehavior value)
    {
        public int FaultsServed;

        public FakeChatBehavior Value { get; } = value;
    }

    /// <summary>The parts of a chat completions request body the fake cares about.</summary>
    private sealed record ParsedChatRequest(
        string? Model, int MessageCount, string LastUserMessage, int PromptTokens, bool Stream, bool IncludeUsage, int? MaxTokens, long Created)
    {
        public static async Task<ParsedChatRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException("'messages' is a required property.");
            }

            var lastUser = "";
            var promptTokens = 0;
            foreach (var message in messages.EnumerateArray())
            {
                var text = message.TryGetProperty("content", out var content) ? ContentText(content) : "";
                promptTokens += CountWords(text) + 1;
                if (message.TryGetProperty("role", out var role) && role.ValueEquals("user"u8))
                {
                    lastUser = text;
                }
            }

            int? maxTokens = root.TryGetProperty("max_completion_tokens", out var maxCompletion) && maxCompletion.ValueKind == JsonValueKind.Number ? maxCompletion.GetInt32()
                : root.TryGetProperty("max_tokens", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetInt32()
                : null;
            return new ParsedChatRequest(
                root.TryGetProperty("model", out var model) ? model.GetString() : null,
                messages.GetArrayLength(),
                lastUser,
                promptTokens,
                root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
                root.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
                    && options.TryGetProperty("include_usage", out var includeUsage) && includeUsage.ValueKind == JsonValueKind.True,
                maxTokens,
                DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        }

        /// <summary>A message's text: a string, or the "text" of each part of a content-part array.</summary>
        private static string ContentText(JsonElement content) => content.ValueKind switch
        {
            JsonValueKind.String => content.GetString() ?? "",
            JsonValueKind.Array => string.Join("", content.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(part => part.GetProperty("text").GetString())),
            _ => "",
        };

        private static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
