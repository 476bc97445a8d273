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
/// </summary>
public static class CleartextHttp2Detection
{
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    public static void UseCleartextHttp2Detection(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async connection =>
        {
            if (connection.Features.Get<ITlsConnectionFeature>() is null
                && await OpensWithHttp2Preface(connection.Transport.Input, connection.ConnectionClosed))
            {
                connection.Features.Set<ITlsConnectionFeature>(NegotiatedHttp2.Instance);
                connection.Features.Set<ITlsApplicationProtocolFeature>(NegotiatedHttp2.Instance);
            }

            await next(connection);
        });
    }

    /// <summary>Reads until the opening bytes match or differ from the preface; consumes nothing.</summary>
    private static async Task<bool> OpensWithHttp2Preface(PipeReader input, CancellationToken closed)
    {
        long examined = 0;
        var head = new byte[Preface.Length];
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(closed);
            }
            catch (OperationCanceledException)
            {
                return false;
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
                return matches && length == Preface.Length;
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
