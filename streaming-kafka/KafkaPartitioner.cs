using System.Buffers.Binary;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// Kafka's murmur2 key partitioner (the Java client's default, librdkafka's <c>murmur2</c>), so other
/// producers using the same key land on the same partition.
/// </summary>
public static class KafkaPartitioner
{
    public static int PartitionFor(ReadOnlySpan<byte> key, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        return (int)((Murmur2(key) & 0x7fffffff) % (uint)partitionCount);
    }

    internal static uint Murmur2(ReadOnlySpan<byte> data)
    {
        const uint seed = 0x9747b28c;
        const uint m = 0x5bd1e995;
        const int r = 24;

        var h = seed ^ (uint)data.Length;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }

        switch (data.Length & 3)
        {
            case 3:
                h ^= (uint)data[whole + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[whole + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[whole];
                h *= m;
                break;
        }

        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return h;
    }
}
