using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AdrPlatform.Integration.Tests.Embeddings;

/// <summary>What the fake server saw in one embeddings request.</summary>
public sealed record RecordedEmbeddingRequest(
    string Path,
    string? ApiVersion,
    string? Authorization,
    string? ApiKey,
    string? Deployment,
    string? Model,
    IReadOnlyList<string> Inputs,
    string? EncodingFormat,
    int? Dimensions);

/// <summary>
/// A loopback Kestrel server speaking just enough of the OpenAI embeddings API (POST /v1/embeddings) and of the
/// Azure OpenAI one (POST /openai/deployments/{deployment}/embeddings?api-version=...) for the SDK clients.
/// Each input's vector is <see cref="VectorFor"/> of its text, so callers can check order; every request is recorded.
/// </summary>
public sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedEmbeddingRequest> _requests = new();
    private int _rateLimitNext;

    private FakeEmbeddingServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server root, e.g. http://127.0.0.1:54321/.</summary>
    public Uri Address { get; }

    /// <summary>The OpenAI-style base URL, ending in /v1.</summary>
    public string OpenAIEndpoint => new Uri(Address, "v1").ToString();

    /// <summary>When set, the Authorization header must be "Bearer {key}" (OpenAI) or the api-key header must be the key (Azure); otherwise 401.</summary>
    public string? RequiredApiKey { get; init; }

    public IReadOnlyList<RecordedEmbeddingRequest> Requests => [.. _requests];

    /// <summary>This many requests, from now, are answered 429 (rate limited) like the real service.</summary>
    public int RateLimitNext
    {
        get => Volatile.Read(ref _rateLimitNext);
        set => Volatile.Write(ref _rateLimitNext, value);
    }

    /// <summary>Every request answers 500 while set (a provider that is down).</summary>
    public bool FailAll { get; set; }

    /// <summary>How long each request takes (a slow provider).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, each request waits for the gate to open (a slow provider the test controls).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>The vector the server returns for <paramref name="input"/>: [length, first char code, 0.5], zero-padded to the requested dimensions.</summary>
    public static float[] VectorFor(string input) => [input.Length, input.Length == 0 ? 0 : input[0], 0.5f];

    /// <summary>Waits until a request has arrived (held at the <see cref="Gate"/>, if any); fails after a minute.</summary>
    public Task WaitForRequestAsync() =>
        Eventually.TrueAsync(() => !_requests.IsEmpty, () => $"no embeddings request reached {Address}", TimeSpan.FromSeconds(60));

    public static async Task<FakeEmbeddingServer> StartAsync(string? requiredApiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeEmbeddingServer? server = null;
        app.MapPost("/v1/embeddings", (HttpRequest request) => server!.HandleAsync(request, deployment: null));
        app.MapPost("/openai/deployments/{deployment}/embeddings", (HttpRequest request, string deployment) => server!.HandleAsync(request, deployment));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new FakeEmbeddingServer(app, new Uri(address.TrimEnd('/') + "/")) { RequiredApiKey = requiredApiKey };
        return server;
    }

    private async Task<IResult> HandleAsync(HttpRequest request, string? deployment)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        var inputs = root.GetProperty("input") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [root.GetProperty("input").GetString() ?? ""];
        var recorded = new RecordedEmbeddingRequest(
            request.Path,
            request.Query["api-version"].FirstOrDefault(),
            request.Headers.Authorization.FirstOrDefault(),
            request.Headers["api-key"].FirstOrDefault(),
            deployment,
            root.TryGetProperty("model", out var model) ? model.GetString() : null,
            inputs,
            root.TryGetProperty("encoding_format", out var format) ? format.GetString() : null,
            root.TryGetProperty("dimensions", out var dimensions) ? dimensions.GetInt32() : null);
        _requests.Enqueue(recorded);

        if (RequiredApiKey is not null && (deployment is null ? recorded.Authorization != $"Bearer {RequiredApiKey}" : recorded.ApiKey != RequiredApiKey))
        {
            var error = new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = "Incorrect API key provided.", ["type"] = "invalid_request_error", ["code"] = "invalid_api_key" },
            };
            return Results.Text(error.ToJsonString(), "application/json", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (TakeRateLimit())
        {
            var limited = new JsonObject { ["error"] = new JsonObject { ["message"] = "Rate limit reached.", ["type"] = "requests", ["code"] = "rate_limit_exceeded" } };
            request.HttpContext.Response.Headers.RetryAfter = "0";
            return Results.Text(limited.ToJsonString(), "application/json", statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (FailAll)
        {
            var down = new JsonObject { ["error"] = new JsonObject { ["message"] = "The server had an error.", ["type"] = "server_error" } };
            return Results.Text(down.ToJsonString(), "application/json", statusCode: StatusCodes.Status500InternalServerError);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, request.HttpContext.RequestAborted);
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(request.HttpContext.RequestAborted);
        }

        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = VectorFor(inputs[i]);
            if (recorded.Dimensions is { } wanted && wanted > vector.Length)
            {
                Array.Resize(ref vector, wanted); // the asked-for size, as a real model would answer
            }

            // Like the real service: base64 of little-endian float32s when asked for, else a JSON array.
            JsonNode embedding = recorded.EncodingFormat == "base64"
                ? JsonValue.Create(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())))
                : new JsonArray([.. vector.Select(x => (JsonNode)JsonValue.Create(x))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = recorded.Model ?? deployment,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        return Results.Text(response.ToJsonString(), "application/json");
    }

    private bool TakeRateLimit()
    {
        while (true)
        {
            var left = Volatile.Read(ref _rateLimitNext);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _rateLimitNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
