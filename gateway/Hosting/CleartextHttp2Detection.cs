using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AdrPlatform.Gateway.Hosting;

/// <summary>
/// Serves native gRPC (HTTP/2 with prior knowledge, "h2c") and gRPC-Web over HTTP/1.1 on one
/// cleartext port. Kestrel picks HTTP/1.1 for every cleartext connection of an Http1AndHttp2
/// endpoint, since there is no TLS ALPN to tell them apart. This connection middleware reads the
/// first bytes: a connection that opens with the HTTP/2 client preface (RFC 9113 §3.4) is marked
/// as having negotiated "h2", so Kestrel runs HTTP/2 on it; anything else stays HTTP/1.1.
/// Behind TLS the middleware does nothing: real ALPN decides.
/// A connection that has not decided within the preface timeout (silent, or stalled part-way
/// through the preface) is closed: nothing else would ever time it out.
/// </summary>
public static class CleartextHttp2Detection
{
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    public static void UseCleartextHttp2Detection(this ListenOptions listen, TimeSpan prefaceTimeout)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async connection =>
        {
            if (connection.Features.Get<ITlsConnectionFeature>() is null)
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
                deadline.CancelAfter(prefaceTimeout);
                var opening = await ReadOpening(connection.Transport.Input, deadline.Token);
                if (opening == Opening.Undecided)
                {
                    connection.Abort(new ConnectionAbortedException("The connection sent no request within the preface timeout."));
                    return;
                }

                if (opening == Opening.Http2Preface)
                {
                    connection.Features.Set<ITlsConnectionFeature>(NegotiatedHttp2.Instance);
                    connection.Features.Set<ITlsApplicationProtocolFeature>(NegotiatedHttp2.Instance);
                }
            }

            await next(connection);
        });
    }

    private enum Opening
    {
        Undecided,
        Http2Preface,
        Other,
    }

    /// <summary>Reads until the opening bytes match or differ from the preface, or the deadline passes; consumes nothing.</summary>
    private static async Task<Opening> ReadOpening(PipeReader input, CancellationToken deadline)
    {
        long examined = 0;
        var head = new byte[Preface.Length];
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(deadline);
            }
            catch (OperationCanceledException)
            {
                return Opening.Undecided;
            }

            var buffer = read.Buffer;
            var length = (int)Math.Min(buffer.Length, Preface.Length);
            buffer.Slice(0, length).CopyTo(head);
            var matches = head.AsSpan(0, length).SequenceEqual(Preface[..length]);
            var decided = !matches || length == Preface.Length || read.IsCompleted || read.IsCanceled;
            if (decided)
            {
                // Examined stays where it was, so the bytes read since are fresh for Kestrel's own parser.
                input.AdvanceTo(buffer.Start, buffer.GetPosition(examined));
                return matches && length == Preface.Length ? Opening.Http2Preface : Opening.Other;
            }

            examined = buffer.Length;
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private sealed class NegotiatedHttp2 : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        public static readonly NegotiatedHttp2 Instance = new();

        public ReadOnlyMemory<byte> ApplicationProtocol { get; } = "h2"u8.ToArray();

        public X509Certificate2? ClientCertificate
        {
            get => null;
            set => throw new NotSupportedException("A cleartext connection has no client certificate.");
        }

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
    }
}
