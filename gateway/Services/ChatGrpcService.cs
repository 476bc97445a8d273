using System.Text.RegularExpressions;
using AdrPlatform.Domain;
using AdrPlatform.Errors;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Grains;
using AdrPlatform.Model;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Proto = AdrPlatform.Contracts.Chat.V1;

namespace AdrPlatform.Gateway.Services;

/// <summary>Chat sessions of the calling user; answers stream from the session grain as they are generated.</summary>
public sealed partial class ChatGrpcService(IGrainFactory grains, CallerResolver callers) : Proto.ChatService.ChatServiceBase
{
    public override async Task<Proto.Session> CreateSession(Proto.CreateSessionRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        var id = Guid.NewGuid().ToString("N");
        return ToProto(await Session(caller, id).CreateAsync(caller.User, request.Title));
    }

    public override async Task<Proto.ListSessionsResponse> ListSessions(Proto.ListSessionsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        var response = new Proto.ListSessionsResponse();
        response.Sessions.AddRange((await grains.GetGrain<IChatDirectoryGrain>($"{caller.Tenant}/{caller.User}").ListAsync()).Select(ToProto));
        return response;
    }

    public override async Task<Proto.Session> GetSession(Proto.GetSessionRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        return ToProto(await Session(caller, request.Id).GetAsync(caller.User));
    }

    public override async Task<Proto.DeleteSessionResponse> DeleteSession(Proto.DeleteSessionRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        await Session(caller, request.Id).DeleteAsync(caller.User);
        return new Proto.DeleteSessionResponse();
    }

    public override async Task SendMessage(Proto.SendMessageRequest request, IServerStreamWriter<Proto.SendMessageResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        var caller = callers.Resolve(context, Roles.Viewer);
        var session = Session(caller, request.SessionId);
        await foreach (var chatEvent in session.SendAsync(caller.User, request.Text, NullIfEmpty(request.Model), context.CancellationToken)
                           .WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(ToProto(chatEvent), context.CancellationToken);
        }
    }

    public override async Task<Proto.CancelMessageResponse> CancelMessage(Proto.CancelMessageRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        return new Proto.CancelMessageResponse { Cancelled = await Session(caller, request.SessionId).CancelAsync(caller.User, request.MessageId) };
    }

    private IChatSessionGrain Session(Caller caller, string id) =>
        SessionIdPattern().IsMatch(id ?? string.Empty)
            ? grains.GetGrain<IChatSessionGrain>($"{caller.Tenant}/{id}")
            : throw AdrPlatformException.Invalid("A session id is the 32 hexadecimal characters CreateSession returned.");

    private static Proto.SendMessageResponse ToProto(ChatEvent chatEvent) => chatEvent.Kind switch
    {
        ChatEventKind.Started => new Proto.SendMessageResponse
        {
            Started = new Proto.SendMessageResponse.Types.Started { MessageId = chatEvent.MessageId, Model = chatEvent.Text },
        },
        ChatEventKind.Delta => new Proto.SendMessageResponse { Delta = chatEvent.Text },
        ChatEventKind.Citations => new Proto.SendMessageResponse { Citations = new Proto.SendMessageResponse.Types.Citations { Citations_ = { chatEvent.Citations.Select(ToProto) } } },
        ChatEventKind.Usage => new Proto.SendMessageResponse
        {
            Usage = new Proto.Usage { PromptTokens = chatEvent.PromptTokens, CompletionTokens = chatEvent.CompletionTokens, CostUsd = (double)chatEvent.CostUsd },
        },
        _ => new Proto.SendMessageResponse { Finished = new Proto.SendMessageResponse.Types.Finished { FinishReason = chatEvent.Text } },
    };

    private static Proto.Citation ToProto(ChatCitation citation) => new()
    {
        AdrId = citation.DocumentId is null ? AdrId.Format(citation.Number) : "",
        DocumentId = citation.DocumentId ?? "",
        Title = citation.Title,
    };

    private static Proto.Session ToProto(ChatSessionView view)
    {
        var session = new Proto.Session { Id = view.Id, Title = view.Title, CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt) };
        session.Messages.AddRange(view.Messages.Select(m => new Proto.Message
        {
            Id = m.Id,
            Role = m.FromUser ? Proto.Role.User : Proto.Role.Assistant,
            Text = m.Text,
            Citations = { m.Citations.Select(ToProto) },
            At = Timestamp.FromDateTimeOffset(m.At),
            FinishReason = m.FinishReason ?? string.Empty,
        }));
        return session;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"^[0-9a-f]{32}\z")]
    private static partial Regex SessionIdPattern();
}
