using System.Buffers;
using System.Runtime.CompilerServices;

namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// Reads the data of server-sent events from a response body into one pooled buffer, without a string or
/// an array per event. An event's data lines are joined with '\n' (the SSE rule); comments and other fields
/// are skipped. An event larger than <see cref="MaxEventBytes"/> fails the stream instead of growing the buffer.
/// </summary>
internal sealed class ServerSentEventReader(Stream body) : IDisposable
{
    public const int MaxEventBytes = 1 << 20;

    private const int InitialBufferBytes = 4 << 10;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private int _start, _end;
    private bool _bodyEnded;

    // Where the current event's data is assembled when it has more than one data line.
    private readonly ArrayBufferWriter<byte> _joined = new();

    /// <summary>The next event's data, valid until the next call; empty at the end of the body (events without data are skipped).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // one read per token: no allocation per read
    public async ValueTask<ReadOnlyMemory<byte>> NextAsync(CancellationToken cancellationToken)
    {
        _joined.ResetWrittenCount();
        var dataLines = 0;
        var copied = false;
        var first = ReadOnlyMemory<byte>.Empty;
        while (true)
        {
            if (!TryTakeLine(out var line))
            {
                if (_bodyEnded)
                {
                    // A body that ends without the blank line still delivers its last event.
                    return copied ? _joined.WrittenMemory : first;
                }

                if (dataLines > 0 && !copied)
                {
                    // The event's first line lives in the read buffer, which filling may move: keep a copy.
                    _joined.Write(first.Span);
                    copied = true;
                }

                await FillAsync(cancellationToken);
                continue;
            }

            if (line.IsEmpty)
            {
                var data = copied ? _joined.WrittenMemory : first;
                if (!data.IsEmpty)
                {
                    return data;
                }

                // No data, or only empty data lines (a keep-alive): nothing to deliver.
                (dataLines, copied) = (0, false);
                _joined.ResetWrittenCount();
                continue;
            }

            if (!line.Span.StartsWith("data:"u8))
            {
                continue; // a comment (":"), or an event, id or retry field: nothing the chat stream uses
            }

            var value = line[5..];
            if (value.Span.StartsWith(" "u8))
            {
                value = value[1..];
            }

            if (++dataLines == 1)
            {
                first = value;
                continue;
            }

            if (!copied)
            {
                _joined.Write(first.Span);
                copied = true;
            }

            if (_joined.WrittenCount + 1 + value.Length > MaxEventBytes)
            {
                throw TooLarge();
            }

            _joined.Write("\n"u8);
            _joined.Write(value.Span);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private static InvalidDataException TooLarge() =>
        new($"The chat provider sent an event of more than {MaxEventBytes / (1 << 20)} MiB; the stream was abandoned.");

    /// <summary>Takes one line (without its "\n", "\r\n" or "\r") from the buffer, if a whole one is there.</summary>
    private bool TryTakeLine(out ReadOnlyMemory<byte> line)
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        var end = pending.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0 || (pending[end] == '\r' && end == pending.Length - 1 && !_bodyEnded))
        {
            // No line end yet, or a "\r" whose "\n" may be in the next read.
            line = default;
            if (_bodyEnded && pending.Length > 0)
            {
                line = _buffer.AsMemory(_start, pending.Length);
                _start = _end;
                return true;
            }

            return false;
        }

        line = _buffer.AsMemory(_start, end);
        var terminator = pending[end] == '\r' && end + 1 < pending.Length && pending[end + 1] == '\n' ? 2 : 1;
        _start += end + terminator;
        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_end - _start >= MaxEventBytes)
        {
            throw TooLarge();
        }

        MakeRoom();
        var read = await body.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _bodyEnded = read == 0;
    }

    /// <summary>Moves the unread bytes to the front, and doubles the buffer when they fill it.</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (pending > 0 && pending == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_start, pending).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }

        _start = 0;
        _end = pending;
    }
}
