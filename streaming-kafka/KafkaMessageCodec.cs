using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>Turns producer calls into Kafka messages and Kafka messages back into batch containers.</summary>
internal sealed class KafkaMessageCodec(Serializer<KafkaMessageBody> serializer)
{
    public Message<byte[], byte[]> Encode<T>(StreamId streamId, IEnumerable<T> events, Dictionary<string, object>? requestContext)
    {
        var body = new KafkaMessageBody { Events = events.Cast<object>().ToList(), RequestContext = requestContext };
        var headers = new Headers
        {
            { KafkaHeaderNames.MessageId, Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)) },
            { KafkaHeaderNames.EventType, Encoding.UTF8.GetBytes(typeof(T).FullName ?? typeof(T).Name) },
        };
        return new Message<byte[], byte[]> { Key = streamId.Key.ToArray(), Value = serializer.SerializeToArray(body), Headers = headers };
    }

    public KafkaBatchContainer Decode(ConsumeResult<byte[], byte[]> result)
    {
        var key = result.Message.Key ?? [];
        var value = result.Message.Value ?? [];
        var body = serializer.Deserialize(value) ?? throw new InvalidDataException("Empty stream message body.");
        var streamId = StreamId.Create(Encoding.UTF8.GetBytes(result.Topic), key);
        return new KafkaBatchContainer(streamId, new EventSequenceTokenV2(result.Offset.Value), body.Events, body.RequestContext)
        {
            Source = new KafkaSourceMessage(result.TopicPartitionOffset, key, value, result.Message.Headers ?? []),
        };
    }
}
