using System.Net;
using AdrPlatform.Adapters.Egress;

namespace AdrPlatform.Egress.Tests;

/// <summary>A resolver that gives its answers in turn (the last one again once they run out) and counts the questions.</summary>
public sealed class ScriptedResolver(params string[][] answers) : IEgressResolver
{
    private int _asked;

    public int Asked => Volatile.Read(ref _asked);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var turn = Interlocked.Increment(ref _asked) - 1;
        var answer = answers[Math.Min(turn, answers.Length - 1)];
        return Task.FromResult(answer.Select(IPAddress.Parse).ToArray());
    }
}
