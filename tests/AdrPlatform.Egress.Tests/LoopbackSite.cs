using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdrPlatform.Egress.Tests;

/// <summary>A hostile web site on a loopback port (Kestrel): redirects anywhere, huge, slow and trickling bodies, a gzip bomb.</summary>
public sealed class LoopbackSite : IAsyncLifetime
{
    private byte[] _gzipBomb = [];
    private WebApplication? _app;
    private int _requests;

    public int Port { get; private set; }

    /// <summary>The site's base address, http://127.0.0.1:port.</summary>
    public string Origin => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Requests the site has received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The request headers of each request to /ok, in order.</summary>
    public ConcurrentQueue<IHeaderDictionary> SeenHeaders { get; } = new();

    public async Task InitializeAsync()
    {
        _gzipBomb = Gzip(new byte[32 * 1024 * 1024]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            await next(context);
        });
        MapRoutes(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Port = new Uri(address).Port;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private void MapRoutes(WebApplication app)
    {
        app.MapGet("/ok", (HttpContext context) =>
        {
            SeenHeaders.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            context.Response.Headers.SetCookie = "session=secret; Path=/";
            return Results.Text("hello", "text/plain");
        });
        app.MapGet("/close", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "close";
            return Results.Text("closed", "text/plain");
        });
        app.MapGet("/redirect/{code:int}", (HttpContext context, int code, string to) =>
        {
            context.Response.StatusCode = code;
            context.Response.Headers.Location = to;
            return Task.CompletedTask;
        });
        app.MapGet("/chain/{left:int}", (HttpContext context, int left) =>
        {
            if (left == 0)
            {
                return Results.Text("end of the chain", "text/plain");
            }

            context.Response.Headers.Location = $"/chain/{left - 1}";
            return Results.StatusCode(StatusCodes.Status302Found);
        });
        app.MapGet("/loop/{side}", (HttpContext context, string side) =>
        {
            context.Response.Headers.Location = side == "a" ? "/loop/b" : "/loop/a";
            return Results.StatusCode(StatusCodes.Status307TemporaryRedirect);
        });
        app.MapGet("/bytes/{count:long}", async (HttpContext context, long count, bool declare) =>
        {
            context.Response.ContentType = "application/octet-stream";
            if (declare)
            {
                context.Response.ContentLength = count;
            }

            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent < count && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, count - sent)), context.RequestAborted);
            }
        });
        app.MapGet("/gzip-bomb", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = _gzipBomb.Length;
            await context.Response.Body.WriteAsync(_gzipBomb, context.RequestAborted);
        });
        app.MapGet("/trickle", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            for (var i = 0; i < 600 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync("x"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });
        app.MapGet("/stall", async (HttpContext context) => await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted));
        app.MapGet("/typed", (string type) => Results.Text("typed", type));
    }

    private static byte[] Gzip(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }
}
