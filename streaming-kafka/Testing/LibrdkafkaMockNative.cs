using System.Reflection;
using System.Runtime.InteropServices;

namespace AdrPlatform.Streaming.Kafka.Testing;

/// <summary>P/Invoke into the librdkafka that Confluent.Kafka loaded (see <see cref="KafkaNativeLibrary"/>).</summary>
internal static partial class LibrdkafkaMockNative
{
    private const string Library = "librdkafka";
    internal const int ProducerType = 0;

    static LibrdkafkaMockNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaMockNative).Assembly, Resolve);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Library)
        {
            return IntPtr.Zero;
        }

        return KafkaNativeLibrary.GetHandle();
    }

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_new")]
    internal static partial IntPtr ConfNew();

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_destroy")]
    internal static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(Library, EntryPoint = "rd_kafka_new")]
    internal static partial IntPtr New(int type, IntPtr conf, IntPtr errorBuffer, UIntPtr errorBufferSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_destroy")]
    internal static partial void Destroy(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_new")]
    internal static partial IntPtr MockClusterNew(IntPtr handle, int brokerCount);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    internal static partial void MockClusterDestroy(IntPtr cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    internal static partial IntPtr MockClusterBootstraps(IntPtr cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MockTopicCreate(IntPtr cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_broker_set_down")]
    internal static partial int MockBrokerSetDown(IntPtr cluster, int brokerId);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_broker_set_up")]
    internal static partial int MockBrokerSetUp(IntPtr cluster, int brokerId);
}
