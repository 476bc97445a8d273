namespace AdrPlatform.Streaming.Kafka;

/// <summary>Optional DI service told about every dead-lettered event, e.g. to fail the job it belongs to.</summary>
public interface IDeadLetterObserver
{
    Task OnDeadLetteredAsync(DeadLetter letter, CancellationToken cancellationToken);
}
