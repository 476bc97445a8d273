using AdrPlatform.Events;
using AdrPlatform.Grains;
using AdrPlatform.Streaming.Kafka;

namespace AdrPlatform.Workers;

/// <summary>Fails the job of each event that went to a dead-letter topic, saying why.</summary>
public sealed class JobDeadLetterObserver(IGrainFactory grains) : IDeadLetterObserver
{
    public async Task OnDeadLetteredAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        foreach (var cause in letter.Events.OfType<IJobEvent>())
        {
            var reason = $"A {letter.Namespace} event could not be processed after {letter.Attempts} attempts and was moved to {letter.Namespace}.dlq ({letter.Reason}).";
            await grains.GetGrain<IJobGrain>($"{cause.Tenant}/{cause.JobId}").FailAsync(cause.Attempt, reason);
        }
    }
}
