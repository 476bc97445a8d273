using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

internal sealed class KafkaAdapterFactory : IQueueAdapterFactory, IQueueAdapterCache, IDisposable
{
    private readonly string _name;
    private readonly KafkaStreamOptions _options;
    private readonly KafkaQueueMapper _mapper;
    private readonly KafkaMessageCodec _codec;
    private readonly KafkaQueueRegistry _registry = new();
    private readonly IDeadLetterObserver? _observer;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private IProducer<byte[], byte[]>? _producer;
    private DeadLetterPublisher? _deadLetters;
    private KafkaQueueAdapter? _adapter;

    private KafkaAdapterFactory(string name, KafkaStreamOptions options, Serializer<KafkaMessageBody> serializer, IDeadLetterObserver? observer, ILoggerFactory loggerFactory)
    {
        options.Validate(name);
        _name = name;
        _options = options;
        _mapper = new KafkaQueueMapper(options.Topics);
        _codec = new KafkaMessageCodec(serializer);
        _observer = observer;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger($"{typeof(KafkaAdapterFactory).FullName}.{name}");
    }

    public static KafkaAdapterFactory Create(IServiceProvider services, string name) => new(
        name,
        services.GetOptionsByName<KafkaStreamOptions>(name),
        services.GetRequiredService<Serializer<KafkaMessageBody>>(),
        services.GetService<IDeadLetterObserver>(),
        services.GetRequiredService<ILoggerFactory>());

    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken)
    {
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            if (_adapter is null)
            {
                KafkaNativeLibrary.EnsureLoaded();
                await KafkaTopicInitializer.EnsureTopicsAsync(_options, _logger, cancellationToken);
                _producer = new ProducerBuilder<byte[], byte[]>(KafkaClientConfigs.Producer(_options))
                    .SetErrorHandler((_, error) => _logger.LogWarning("Kafka producer: {Error}", error))
                    .Build();
                _deadLetters = new DeadLetterPublisher(_producer, _observer, _logger);
                _adapter = new KafkaQueueAdapter(_name, _options, _mapper, _codec, _producer, _deadLetters, _loggerFactory);
            }

            return _adapter;
        }
        finally
        {
            _createGate.Release();
        }
    }

    public IQueueAdapterCache GetQueueAdapterCache() => this;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public IQueueCache CreateQueueCache(QueueId queueId)
    {
        var cache = new KafkaQueueCache(_options.CacheSize, _options.MaxDeliveryAttempts);
        _registry.Set(queueId, cache);
        return cache;
    }

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId)
    {
        var deadLetters = _deadLetters ?? throw new InvalidOperationException("The Kafka adapter has not been created yet.");
        return Task.FromResult<IStreamFailureHandler>(new KafkaDeliveryFailureHandler(queueId, _registry, deadLetters, _logger));
    }

    public void Dispose()
    {
        if (_producer is { } producer)
        {
            producer.Flush(TimeSpan.FromSeconds(10));
            producer.Dispose();
        }

        _createGate.Dispose();
    }
}
