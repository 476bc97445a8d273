using System.Text;

namespace AdrPlatform.Domain.Tests.Markdown;

/// <summary>Random damage to a markdown file's bytes, of the kinds hostile or broken uploads show; the same seed gives the same damage.</summary>
internal static class ImportMutations
{
    private static readonly byte[][] InvalidUtf8 = [[0xC0], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]];

    private static readonly string[] Nestings = ["[", "{", "(", "> ", "- ", "{a: ", "* ", "<!--", "`", "#"];

    private static readonly Func<Random, byte[], byte[]>[] All =
    [
        FlipBits, Truncate, DuplicateLine, DeleteLines, InsertFence, InsertNesting, InsertLongLine, InsertControlCharacters, InsertInvalidUtf8,
    ];

    /// <summary>Applies one to three random mutations; <paramref name="applied"/> names them, for the failure message.</summary>
    public static byte[] Apply(Random random, byte[] content, out string applied)
    {
        var names = new List<string>();
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            var mutation = All[random.Next(All.Length)];
            names.Add(mutation.Method.Name);
            content = mutation(random, content);
        }

        applied = string.Join(", ", names);
        return content;
    }

    private static byte[] FlipBits(Random random, byte[] content)
    {
        var copy = content.ToArray();
        for (var flips = random.Next(1, 9); flips > 0 && copy.Length > 0; flips--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] Truncate(Random random, byte[] content) => content[..random.Next(content.Length + 1)];

    private static byte[] DuplicateLine(Random random, byte[] content)
    {
        var lines = Lines(content);
        var line = lines[random.Next(lines.Count)];
        lines.InsertRange(random.Next(lines.Count + 1), Enumerable.Repeat(line, random.Next(1, 50)));
        return Join(lines);
    }

    private static byte[] DeleteLines(Random random, byte[] content)
    {
        var lines = Lines(content);
        var start = random.Next(lines.Count);
        lines.RemoveRange(start, Math.Min(lines.Count - start, random.Next(1, 10)));
        return Join(lines);
    }

    private static byte[] InsertFence(Random random, byte[] content)
    {
        var lines = Lines(content);
        lines.Insert(random.Next(2) == 0 ? 0 : random.Next(lines.Count + 1), "---"u8.ToArray());
        return Join(lines);
    }

    private static byte[] InsertNesting(Random random, byte[] content)
    {
        var nesting = Nestings[random.Next(Nestings.Length)];
        var depth = random.Next(1, 20_000);
        return Insert(random, content, Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, nesting, depth).ToString()));
    }

    private static byte[] InsertLongLine(Random random, byte[] content)
    {
        var filler = "a #`|*-[:"[random.Next(9)];
        return Insert(random, content, Encoding.UTF8.GetBytes("\n" + new string(filler, random.Next(1_000, 200_000)) + "\n"));
    }

    private static byte[] InsertControlCharacters(Random random, byte[] content) =>
        Insert(random, content, [.. Enumerable.Range(0, random.Next(1, 20)).Select(_ => random.Next(4) == 0 ? (byte)0x7F : (byte)random.Next(0x20))]);

    private static byte[] InsertInvalidUtf8(Random random, byte[] content) => Insert(random, content, InvalidUtf8[random.Next(InvalidUtf8.Length)]);

    private static byte[] Insert(Random random, byte[] content, byte[] inserted)
    {
        var at = random.Next(content.Length + 1);
        return [.. content[..at], .. inserted, .. content[at..]];
    }

    private static List<byte[]> Lines(byte[] content)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == '\n')
            {
                lines.Add(content[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }

    private static byte[] Join(List<byte[]> lines) => [.. lines.SelectMany((line, i) => i == 0 ? line : [(byte)'\n', .. line])];
}
