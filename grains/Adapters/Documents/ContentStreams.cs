using System.Runtime.InteropServices;

namespace AdrPlatform.Adapters.Documents;

internal static class ContentStreams
{
    /// <summary>A read-only stream over the content, without copying it when it is backed by an array.</summary>
    public static MemoryStream ReadOnly(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
