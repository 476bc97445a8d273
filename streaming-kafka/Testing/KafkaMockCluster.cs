using System.Runtime.InteropServices;

namespace AdrPlatform.Streaming.Kafka.Testing;

/// <summary>
/// An in-process Kafka cluster (librdkafka's mock cluster) for tests and benchmarks. It speaks the Kafka
/// protocol on localhost ports, so real Confluent.Kafka clients and the stream provider connect to it.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private const int ErrorBufferSize = 512;
    private readonly IntPtr _handle;
    private IntPtr _cluster;

    private KafkaMockCluster(IntPtr handle, IntPtr cluster)
    {
        _handle = handle;
        _cluster = cluster;
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMockNative.MockClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster returned no bootstrap servers.");
    }

    /// <summary>Comma-separated host:port list of the mock brokers (broker ids are 1..brokerCount).</summary>
    public string BootstrapServers { get; }

    public static KafkaMockCluster Create(int brokers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        KafkaNativeLibrary.EnsureLoaded();

        var conf = LibrdkafkaMockNative.ConfNew();
        var errorBuffer = Marshal.AllocHGlobal(ErrorBufferSize);
        try
        {
            // rd_kafka_new takes ownership of conf on success only.
            var handle = LibrdkafkaMockNative.New(LibrdkafkaMockNative.ProducerType, conf, errorBuffer, ErrorBufferSize);
            if (handle == IntPtr.Zero)
            {
                LibrdkafkaMockNative.ConfDestroy(conf);
                throw new InvalidOperationException($"rd_kafka_new failed: {Marshal.PtrToStringUTF8(errorBuffer)}");
            }

            var cluster = LibrdkafkaMockNative.MockClusterNew(handle, brokers);
            if (cluster == IntPtr.Zero)
            {
                LibrdkafkaMockNative.Destroy(handle);
                throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
            }

            return new KafkaMockCluster(handle, cluster);
        }
        finally
        {
            Marshal.FreeHGlobal(errorBuffer);
        }
    }

    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
        ThrowOnError(LibrdkafkaMockNative.MockTopicCreate(_cluster, topic, partitions, replicationFactor), $"create topic {topic}");
    }

    public void TakeBrokerDown(int brokerId)
    {
        ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
        ThrowOnError(LibrdkafkaMockNative.MockBrokerSetDown(_cluster, brokerId), $"take broker {brokerId} down");
    }

    public void BringBrokerUp(int brokerId)
    {
        ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
        ThrowOnError(LibrdkafkaMockNative.MockBrokerSetUp(_cluster, brokerId), $"bring broker {brokerId} up");
    }

    public void Dispose()
    {
        if (_cluster == IntPtr.Zero)
        {
            return;
        }

        LibrdkafkaMockNative.MockClusterDestroy(_cluster);
        LibrdkafkaMockNative.Destroy(_handle);
        _cluster = IntPtr.Zero;
    }

    private static void ThrowOnError(int errorCode, string operation)
    {
        if (errorCode != 0)
        {
            throw new InvalidOperationException($"Mock cluster could not {operation}: librdkafka error {errorCode}.");
        }
    }
}
