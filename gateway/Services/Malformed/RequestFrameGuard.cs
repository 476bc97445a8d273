using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using Grpc.Core;

namespace AdrPlatform.Gateway.Services.Malformed;

/// <summary>
/// Checks the header of every gRPC message frame of a request body as the bytes arrive, before Grpc.AspNetCore
/// reads it: a length beyond the limit is RESOURCE_EXHAUSTED and a flag other than 0 or 1 INVALID_ARGUMENT. Left to
/// Grpc.AspNetCore, a length above 2 GiB or a bad flag answer UNKNOWN and log stack traces.
/// </summary>
public sealed class RequestFrameGuard(PipeReader body, int maxMessageBytes, Func<StatusCode, string, RpcException> refuse) : PipeReader
{
    private const int HeaderLength = 5;
    private long _bufferStart;
    private long _nextHeader;
    private ReadOnlySequence<byte> _buffer;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await body.ReadAsync(cancellationToken);
        Check(result.Buffer);
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!body.TryRead(out result))
        {
            return false;
        }

        Check(result.Buffer);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _bufferStart += _buffer.Slice(_buffer.Start, consumed).Length;
        body.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => body.CancelPendingRead();

    public override void Complete(Exception? exception = null) => body.Complete(exception);

    private void Check(ReadOnlySequence<byte> buffer)
    {
        _buffer = buffer;
        Span<byte> header = stackalloc byte[HeaderLength];
        while (_nextHeader - _bufferStart + HeaderLength <= buffer.Length)
        {
            buffer.Slice(_nextHeader - _bufferStart, HeaderLength).CopyTo(header);
            if (header[0] > 1)
            {
                throw Refuse(buffer, StatusCode.InvalidArgument, "The request is not gRPC framed: a message must start with a compressed flag of 0 or 1.");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
            if (length > maxMessageBytes)
            {
                throw Refuse(buffer, StatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture,
                    $"The request message is {length:N0} bytes; at most {maxMessageBytes:N0} are accepted."));
            }

            _nextHeader += HeaderLength + length;
        }
    }

    /// <summary>Ends the read the caller will never end (it sees an exception, not a buffer), so Kestrel can drain the body.</summary>
    private RpcException Refuse(ReadOnlySequence<byte> buffer, StatusCode code, string reason)
    {
        body.AdvanceTo(buffer.End);
        return refuse(code, reason);
    }
}
