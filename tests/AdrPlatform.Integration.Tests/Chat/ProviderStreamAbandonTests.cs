using AdrPlatform.Adapters.Chat;
using AdrPlatform.Integration.Tests.FakeProvider;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>
/// A provider stream given up while no read is pending (the answer was cancelled between two tokens)
/// must close its connection, so the provider stops generating; draining it for reuse would let the
/// request run to its end (about 1 % of cancels in the streaming benchmark did, before this was fixed).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fake through IAsyncLifetime.DisposeAsync.")]
public sealed class ProviderStreamAbandonTests : IAsyncLifetime
{
    private FakeChatProvider _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = new FakeChatProvider(new FakeChatBehavior { Tokens = 400, InterTokenGap = TimeSpan.FromMilliseconds(5) });
        await _fake.StartAsync();
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Disposing_an_unfinished_provider_stream_aborts_the_request_instead_of_draining_it()
    {
        var client = ChatProviders.Create(new ChatProviderOptions { Provider = "openai", Endpoint = _fake.BaseUrl, Model = "m", ApiKey = "k" }, TimeProvider.System);
        var received = _fake.NextRequestReceived;
        var stream = client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "a long answer, please")]).GetAsyncEnumerator();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await stream.MoveNextAsync());
        }

        await Task.Delay(20); // no read pending: the iterator sits between two tokens, like an answer whose client went away
        await stream.DisposeAsync();

        var request = await received.WaitAsync(TimeSpan.FromSeconds(5));
        await request.Finished.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(request.AbortedAt is not null, $"the provider saw {request}");
        Assert.True(request.TokensSent < 400, $"the provider sent the whole answer: {request}");
    }
}
