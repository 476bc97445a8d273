namespace AdrPlatform.Tests.Support;

/// <summary>Random damage to a valid file, as a fuzzer does it: flipped, inserted and deleted bytes, cuts, repeated and swapped spans.</summary>
public static class Mutations
{
    private static readonly byte[][] Tokens =
    [
        "<<"u8.ToArray(), ">>"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "obj"u8.ToArray(), "endobj"u8.ToArray(), "stream"u8.ToArray(),
        "<div>"u8.ToArray(), "<table>"u8.ToArray(), "<!--"u8.ToArray(), "---\n"u8.ToArray(), "> "u8.ToArray(), "- "u8.ToArray(),
        "\r\n"u8.ToArray(), [0], [0xFF, 0xFE], [0xC3], [0xE2, 0x80, 0xAE],
    ];

    /// <summary>One to four mutations of a copy of <paramref name="original"/>.</summary>
    public static byte[] Apply(byte[] original, Random random)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(random);
        var bytes = new List<byte>(original);
        for (var count = random.Next(1, 5); count > 0 && bytes.Count > 0; count--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var span = bytes.GetRange(at, Math.Min(random.Next(1, 256), bytes.Count - at));
                    for (var repeat = random.Next(2, 50); repeat > 0; repeat--)
                    {
                        bytes.InsertRange(at, span);
                    }

                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return bytes.Count > 0 ? [.. bytes] : [(byte)' '];
    }
}
