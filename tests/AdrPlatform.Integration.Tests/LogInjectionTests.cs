using System.Text;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>A line break in client text cannot forge a log line or a line of an error message: it comes back escaped.</summary>
public class LogInjectionTests(InformationLogsGatewayHost host) : IClassFixture<InformationLogsGatewayHost>
{
    private const string Forged = "\r\nCritical: forged-admin-login";

    [Fact]
    public async Task A_line_break_in_a_model_name_or_an_import_path_comes_back_escaped_and_never_reaches_the_log_raw()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "alice", "editor");
        var chat = new ChatService.ChatServiceClient(clients.Invoker);
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        var model = await Rpc.FailsStreaming(StatusCode.InvalidArgument, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "hi", Model = "gpt" + Forged }));
        var import = await Rpc.Fails(StatusCode.InvalidArgument, () => clients.Adrs.ImportMarkdownAsync(new ImportMarkdownRequest
        {
            Files = { new MarkdownFile { Path = "0001-a" + Forged + ".md", Content = ByteString.CopyFrom(Encoding.UTF8.GetBytes("# A\n")) } },
        }));
        var job = await Rpc.Fails(StatusCode.NotFound, () => new Contracts.Jobs.V1.JobService.JobServiceClient(clients.Invoker).GetJobAsync(new() { Id = "j" + Forged }));

        foreach (var message in new[] { model, import, job })
        {
            Assert.Contains("\\u000D\\u000ACritical: forged-admin-login", message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', message);
        }

        Assert.DoesNotContain(host.Logs.Entries, entry => entry.ToString().Contains(Forged, StringComparison.Ordinal));
    }
}
