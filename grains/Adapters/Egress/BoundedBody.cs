using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Adapters.Egress;

/// <summary>Reads a response body up to a limit, and stops the download at the first byte past it.</summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<byte[]> ReadAsync(Stream body, long maxBytes, string host, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (kept.Length + read > maxBytes)
            {
                throw TooLarge(host, maxBytes);
            }

            kept.Write(chunk, 0, read);
        }

        return kept.ToArray();
    }

    public static EgressRefusedException TooLarge(string host, long maxBytes) =>
        new(EgressRefusalReason.ResponseTooLarge, host, $"the response from {host} is larger than {maxBytes} bytes");
}
