using System.Net;
using System.Text;
using AdrPlatform.Adapters.Chat;
using AdrPlatform.Integration.Tests.FakeProvider;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>
/// The platform's own OpenAI-compatible streaming client (providers "openai" and "azure-openai"): against the
/// fake provider for the protocol, and against a scripted server for the event stream's edge cases.
/// </summary>
public sealed class OpenAiCompatibleChatClientTests
{
    private const string Question = "Why did we pick PostgreSQL?";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static IChatClient OpenAi(string baseUrl, string? apiKey = "k") =>
        ChatProviders.Create(new ChatProviderOptions { Provider = "openai", Endpoint = baseUrl, Model = "fake-model", ApiKey = apiKey }, TimeProvider.System);

    private static async Task<List<ChatResponseUpdate>> Updates(IChatClient client, ChatOptions? options = null)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.System, "Be terse."), new ChatMessage(ChatRole.User, Question)], options))
        {
            updates.Add(update);
        }

        return updates;
    }

    private static string Chunk(string json) => $"data: {{\"choices\":[{{\"index\":0,\"delta\":{json}}}]}}\n\n";

    [Fact]
    public async Task OpenAi_streams_the_tokens_then_the_finish_reason_and_the_reported_usage()
    {
        await using var fake = await FakeChatProvider.StartNewAsync(new FakeChatBehavior { Tokens = 6, InterTokenGap = TimeSpan.FromMilliseconds(2) });
        var updates = await Updates(OpenAi(fake.BaseUrl, "sk-test"), new ChatOptions { MaxOutputTokens = 5 });

        Assert.Equal(FakeChatProvider.DefaultTokens(Question, 5), updates.Select(u => u.Text).Where(t => t.Length > 0));
        Assert.Equal(ChatFinishReason.Length, Assert.Single(updates, u => u.FinishReason is not null).FinishReason);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(5, usage.OutputTokenCount);
        Assert.Equal(2 + 1 + 5 + 1, usage.InputTokenCount); // the fake counts words + 1 per message
        var request = Assert.Single(fake.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("fake-model", request.Model);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal(2, request.MessageCount);
        Assert.True(request.Stream && request.IncludeUsage);
        Assert.Equal(5, request.MaxTokens);
    }

    [Fact]
    public async Task Azure_OpenAi_calls_the_deployment_with_the_api_key()
    {
        await using var fake = await FakeChatProvider.StartNewAsync(new FakeChatBehavior { Tokens = 3 });
        var client = ChatProviders.Create(new ChatProviderOptions { Provider = "azure-openai", Endpoint = fake.Address.ToString(), Model = "adr-chat", ApiKey = "azure-key" }, TimeProvider.System);

        var updates = await Updates(client, new ChatOptions { MaxOutputTokens = 50 });

        Assert.Equal(string.Concat(FakeChatProvider.DefaultTokens(Question, 3)), string.Concat(updates.Select(u => u.Text)));
        var request = Assert.Single(fake.Requests);
        Assert.Equal("/openai/deployments/adr-chat/chat/completions?api-version=2024-10-21", request.Path);
        Assert.Equal("adr-chat", request.Model);
        Assert.Equal("azure-key", request.ApiKey);
        Assert.Null(request.Authorization);
        Assert.Equal(50, request.MaxTokens);
        Assert.Equal("azure-openai", client.GetService<ChatClientMetadata>()?.ProviderName);
    }

    [Fact]
    public async Task Events_split_anywhere_across_reads_with_any_line_ends_comments_empty_and_multi_line_data_arrive_whole()
    {
        await using var server = await ScriptedSseServer.StartAsync();
        var body = ": keep-alive\r\n\r\ndata:\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\r\n\r\n"
            + Chunk("{\"content\":\"Hé\\n\\\"quoted\\\"\"}").Replace("\n\n", "\r\r", StringComparison.Ordinal)
            + "event: ignored\nid: 7\ndata: {\"choices\":[{\"index\":0,\n"
            + "data: \"delta\":{\"content\":\" 🐘 ok\"}}]}\n\n"
            + "data:{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}\n\n"
            + "data: [DONE]\n\n";
        foreach (var size in new[] { 1, 3, 7, 64 })
        {
            server.Script = (200, ScriptedSseServer.Split(body, size));
            var updates = await Updates(OpenAi(server.BaseUrl));
            Assert.Equal("Hé\n\"quoted\"| 🐘 ok", string.Join('|', updates.Select(u => u.Text).Where(t => t.Length > 0)));
            Assert.Equal(ChatFinishReason.Stop, updates.Single(u => u.FinishReason is not null).FinishReason);
            Assert.Equal(11, updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details.TotalTokenCount);
        }
    }

    [Fact]
    public async Task Done_ends_the_answer_and_whatever_follows_it_is_not_read()
    {
        await using var server = await ScriptedSseServer.StartAsync();
        server.Script = (200, [Encoding.UTF8.GetBytes(Chunk("{\"content\":\"one\"}") + "data: [DONE]\n\n"), Encoding.UTF8.GetBytes("data: not json at all\n\n")]);
        var updates = await Updates(OpenAi(server.BaseUrl));
        Assert.Equal("one", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task An_error_event_mid_stream_fails_the_stream_with_the_providers_message_after_the_tokens_before_it()
    {
        await using var server = await ScriptedSseServer.StartAsync();
        server.Script = (200, [
            Encoding.UTF8.GetBytes(Chunk("{\"content\":\"Partial\"}")),
            "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}\n\n"u8.ToArray(),
        ]);
        var received = new StringBuilder();
        var error = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var update in OpenAi(server.BaseUrl).GetStreamingResponseAsync([new ChatMessage(ChatRole.User, Question)]))
            {
                received.Append(update.Text);
            }
        });
        Assert.Equal("Partial", received.ToString());
        Assert.Contains("The server had an error while processing your request.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data: {\"choices\":[{\"delta\":\n\n")]
    [InlineData("data: this is not json\n\n")]
    [InlineData("data: [1,2,3]\n\n")]
    [InlineData("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1.5}}\n\n")]
    public async Task A_malformed_event_is_a_clear_error(string body)
    {
        await using var server = await ScriptedSseServer.StartAsync();
        server.Script = (200, [Encoding.UTF8.GetBytes(body)]);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Updates(OpenAi(server.BaseUrl)));
        Assert.StartsWith("The chat provider sent an event that is not a chat completion chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_line_is_refused_once_it_passes_the_limit_and_the_rest_is_not_read()
    {
        await using var server = await ScriptedSseServer.StartAsync();
        var endless = Encoding.UTF8.GetBytes("data: {\"choices\":[{\"delta\":{\"content\":\"" + new string('a', 64 << 10));
        server.Script = (200, [.. Enumerable.Repeat(endless, (8 << 20) / endless.Length)]);
        var answered = server.Answered.Task;
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Updates(OpenAi(server.BaseUrl)));
        Assert.Contains("more than 1 MiB", error.Message, StringComparison.Ordinal);
        Assert.False(await answered.WaitAsync(Patience), "the server wrote all 8 MiB: the client kept reading the oversized event");
    }

    [Fact]
    public async Task A_stream_cut_before_the_answer_ended_is_an_error_not_a_short_answer()
    {
        await using var server = await ScriptedSseServer.StartAsync();
        server.Script = (200, [Encoding.UTF8.GetBytes(Chunk("{\"content\":\"Half an\"}"))]);
        await Assert.ThrowsAsync<HttpIOException>(() => Updates(OpenAi(server.BaseUrl)));
    }

    [Fact]
    public async Task A_refusal_carries_the_status_and_the_providers_message()
    {
        await using var server = await ScriptedSseServer.StartAsync();
        server.Script = (400, ["{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\",\"type\":\"invalid_request_error\"}}"u8.ToArray()]);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Updates(OpenAi(server.BaseUrl)));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("maximum context length is 8192 tokens", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, 1)]
    [InlineData(404, 1)]
    [InlineData(429, 3)]
    [InlineData(503, 3)]
    public async Task A_refusal_is_not_retried_but_a_rate_limit_or_server_error_is(int status, int attempts)
    {
        await using var server = await ScriptedSseServer.StartAsync();
        server.Script = (status, ["{}"u8.ToArray()]);
        using var client = new ResilientChatClient([OpenAi(server.BaseUrl)], new ResilienceOptions { MaxRetries = 2, FirstBackoff = TimeSpan.FromMilliseconds(5) }, TimeProvider.System);
        var error = await Assert.ThrowsAsync<AdrPlatform.Errors.AdrPlatformException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, Question)]));
        Assert.Equal(AdrPlatform.Errors.ErrorKind.Unavailable, error.Kind);
        Assert.Equal(attempts, server.Requests);
    }
}
