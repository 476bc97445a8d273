using System.Diagnostics;
using AdrPlatform.Adapters.Chat;
using AdrPlatform.Domain.Chat;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Chat;

public class LocalExtractiveChatClientTests
{
    private static List<ChatMessage> Conversation(string question) =>
    [
        new(ChatRole.System, GroundingPrompt.Render([new GroundingPassage("ADR-0003", "Use PostgreSQL", "Decision", "Records live in PostgreSQL. The logo is green.")])),
        new(ChatRole.User, question),
    ];

    [Fact]
    public async Task Streams_a_cited_extractive_answer_word_by_word()
    {
        using var client = new LocalExtractiveChatClient(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        var updates = new List<ChatResponseUpdate>();
        var clock = Stopwatch.StartNew();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation("Where do records live?")))
        {
            updates.Add(update);
        }

        var text = string.Concat(updates.Select(u => u.Text));
        Assert.Equal("Records live in PostgreSQL. [ADR-0003]", text);
        Assert.Equal(5, updates.Count(u => u.Text.Length > 0));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(20), "words must be paced");
        Assert.Empty(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Equal(LocalExtractiveChatClient.ProviderName, client.GetService<ChatClientMetadata>()!.ProviderName);
    }

    [Fact]
    public async Task Stops_at_max_output_tokens_and_on_cancellation()
    {
        using var client = new LocalExtractiveChatClient(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        var cut = await client.GetResponseAsync(Conversation("Where do records live?"), new ChatOptions { MaxOutputTokens = 2 });
        Assert.Equal("Records live", cut.Text);
        Assert.Equal(ChatFinishReason.Length, cut.FinishReason);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(80));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation("Where do records live?"), cancellationToken: cancel.Token))
            {
                Assert.NotNull(update);
            }
        });
    }
}
