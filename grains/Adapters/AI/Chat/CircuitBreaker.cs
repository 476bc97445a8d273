namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// Closed until <c>failuresToBreak</c> consecutive failures, then open for <c>breakDuration</c>; after that
/// one trial call is let through (half-open): its success closes the circuit, its failure opens it again.
/// </summary>
public sealed class CircuitBreaker(int failuresToBreak, TimeSpan breakDuration, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;

    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_openUntil is not { } until)
            {
                return true;
            }

            if (clock.GetUtcNow() < until || _trialInFlight)
            {
                return false;
            }

            _trialInFlight = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
            _openUntil = null;
            _trialInFlight = false;
        }
    }

    public void Failed()
    {
        lock (_gate)
        {
            _failures++;
            if (_trialInFlight || _failures >= failuresToBreak)
            {
                _openUntil = clock.GetUtcNow() + breakDuration;
            }

            _trialInFlight = false;
        }
    }
}
