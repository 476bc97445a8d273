using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>
/// A loopback server answering POST /v1/chat/completions with exactly the bytes it is given, each piece
/// flushed on its own after a short pause, so the client reads them in separate reads: how the edge cases
/// of a provider's event stream (splits anywhere, odd line ends, errors, oversized events) reach the client.
/// </summary>
public sealed class ScriptedSseServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private ScriptedSseServer(WebApplication app, Uri address)
    {
        _app = app;
        BaseUrl = new Uri(address, "v1").ToString();
    }

    /// <summary>The OpenAI-style base URL, ending in /v1.</summary>
    public string BaseUrl { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The status and the body's pieces of the next answers.</summary>
    public (int Status, IReadOnlyList<byte[]> Pieces) Script { get; set; } = (200, []);

    /// <summary>Completes with true when an answer's last piece was written, false when its client went away first.</summary>
    public TaskCompletionSource<bool> Answered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ScriptedSseServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ScriptedSseServer? server = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => server!.AnswerAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new ScriptedSseServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>The text split into pieces of <paramref name="size"/> bytes.</summary>
    public static IReadOnlyList<byte[]> Split(string text, int size) =>
        [.. System.Text.Encoding.UTF8.GetBytes(text).Chunk(size)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var (status, pieces) = Script;
        var answered = Answered;
        Answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Response.StatusCode = status;
        context.Response.ContentType = status == 200 ? "text/event-stream" : "application/json";
        try
        {
            foreach (var piece in pieces)
            {
                await context.Response.Body.WriteAsync(piece, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(2, context.RequestAborted);
            }

            answered.TrySetResult(true);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            answered.TrySetResult(false);
        }
    }
}
