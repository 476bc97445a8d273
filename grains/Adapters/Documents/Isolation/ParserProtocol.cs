using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>One document to read: its name, declared type and the limits it is read under. The bytes follow as a frame of their own.</summary>
public sealed record ParseRequest(string FileName, string MediaType, DocumentLimits Limits);

/// <summary>What the parser process answers: the document, or why it was refused, or that reading it ran out of memory.</summary>
public sealed record ParseReply(ParsedDocument? Document, string? Rejection, bool OutOfMemory)
{
    public static ParseReply Parsed(ParsedDocument document) => new(document, null, false);

    public static ParseReply Rejected(string reason) => new(null, reason, false);

    public static ParseReply MemoryExhausted { get; } = new(null, null, true);
}

/// <summary>
/// The wire format between a silo and its parser processes over the child's standard input and output:
/// frames of a 4-byte little-endian length and that many bytes. A request is a JSON frame and a content
/// frame; a reply is one JSON frame. The reader of a frame names the largest length it accepts. The silo's
/// side is asynchronous; the parser process, which reads one document at a time, reads and writes synchronously.
/// </summary>
public static class ParserProtocol
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Document text stays UTF-8 rather than \uXXXX escapes: the reply limit is counted in these bytes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteRequestAsync(Stream output, ParseRequest request, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await WriteFrameAsync(output, JsonSerializer.SerializeToUtf8Bytes(request, Json), cancellationToken);
        await WriteFrameAsync(output, content, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The reply; <see cref="InvalidDataException"/> when it is longer than <paramref name="maxBytes"/>, <see cref="EndOfStreamException"/> when the process is gone.</summary>
    public static async Task<ParseReply> ReadReplyAsync(Stream input, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var prefix = new byte[4];
        await input.ReadExactlyAsync(prefix, cancellationToken);
        var payload = new byte[CheckedLength(prefix, maxBytes)];
        await input.ReadExactlyAsync(payload, cancellationToken);
        return JsonSerializer.Deserialize<ParseReply>(payload, Json) ?? throw new InvalidDataException("empty reply");
    }

    /// <summary>The next request, or null when the silo closed the pipe.</summary>
    public static (ParseRequest Request, byte[] Content)? ReadRequest(Stream input)
    {
        var header = ReadFrame(input, 64 * 1024);
        if (header is null)
        {
            return null;
        }

        var request = JsonSerializer.Deserialize<ParseRequest>(header, Json) ?? throw new InvalidDataException("empty request");
        var maxContentBytes = (int)Math.Min(request.Limits.MaxBytes, Array.MaxLength);
        var content = ReadFrame(input, maxContentBytes) ?? throw new EndOfStreamException("the request's content is missing");
        return (request, content);
    }

    public static void WriteReply(Stream output, ParseReply reply)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteFrame(output, JsonSerializer.SerializeToUtf8Bytes(reply, Json));
        output.Flush();
    }

    private static void WriteFrame(Stream output, ReadOnlySpan<byte> payload)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, payload.Length);
        output.Write(prefix);
        output.Write(payload);
    }

    private static async Task WriteFrameAsync(Stream output, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var prefix = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, payload.Length);
        await output.WriteAsync(prefix, cancellationToken);
        await output.WriteAsync(payload, cancellationToken);
    }

    private static int CheckedLength(ReadOnlySpan<byte> prefix, int maxLength)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        return length >= 0 && length <= maxLength
            ? length
            : throw new InvalidDataException($"a frame of {length} bytes is over the {maxLength}-byte limit");
    }

    private static byte[]? ReadFrame(Stream input, int maxLength)
    {
        Span<byte> prefix = stackalloc byte[4];
        var read = input.ReadAtLeast(prefix, 4, throwOnEndOfStream: false);
        if (read == 0)
        {
            return null;
        }

        if (read < 4)
        {
            throw new EndOfStreamException("a frame's length was cut short");
        }

        var payload = new byte[CheckedLength(prefix, maxLength)];
        input.ReadExactly(payload);
        return payload;
    }
}
