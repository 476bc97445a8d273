namespace AdrPlatform.Streaming.Kafka.Tests;

public sealed class OffsetTrackerTests
{
    [Fact]
    public void Commit_offset_only_passes_contiguously_done_offsets()
    {
        var tracker = new OffsetTracker();
        foreach (var offset in new long[] { 10, 11, 13, 14 })
        {
            tracker.Track(offset);
        }

        tracker.MarkDone(11);
        Assert.Equal(-1, tracker.CommitOffset);
        tracker.MarkDone(10);
        Assert.Equal(12, tracker.CommitOffset);
        tracker.MarkDone(14);
        Assert.Equal(12, tracker.CommitOffset);
        tracker.MarkDone(13);
        Assert.Equal(15, tracker.CommitOffset);
    }

    // Vectors from the Java client's UtilsTest.
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("abc", 479470107)]
    public void Murmur2_matches_the_java_client(string key, int expected) =>
        Assert.Equal(expected, unchecked((int)KafkaPartitioner.Murmur2(System.Text.Encoding.UTF8.GetBytes(key))));
}
