using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>One Kafka message: the events of one producer call, with the partition offset as sequence number.</summary>
[GenerateSerializer]
internal sealed class KafkaBatchContainer : IBatchContainer
{
    [NonSerialized]
    private readonly KafkaSourceMessage? _source;

    public KafkaBatchContainer(StreamId streamId, EventSequenceTokenV2 token, List<object> events, Dictionary<string, object>? requestContext)
    {
        StreamId = streamId;
        Token = token;
        Events = events;
        RequestContext = requestContext;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public EventSequenceTokenV2 Token { get; }

    [Id(2)]
    public List<object> Events { get; }

    [Id(3)]
    public Dictionary<string, object>? RequestContext { get; }

    /// <summary>Only on the receiving silo; never serialized to consumers.</summary>
    public KafkaSourceMessage? Source { get => _source; init => _source = value; }

    public StreamSequenceToken SequenceToken => Token;

    public long Offset => Token.SequenceNumber;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i] is T item)
            {
                yield return Tuple.Create<T, StreamSequenceToken>(item, Token.CreateSequenceTokenForEvent(i));
            }
        }
    }

    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(RequestContext);
        return true;
    }
}
