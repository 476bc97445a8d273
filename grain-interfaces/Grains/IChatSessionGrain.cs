using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>
/// One conversation of one user. Key: "tenant/session". Streams one answer at a time; every call
/// names the user, and a session answers only its owner (others get NOT_FOUND).
/// </summary>
[Alias("chat-session.grain")]
public interface IChatSessionGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<ChatSessionView> CreateAsync(string user, string title);

    [Alias("get")]
    Task<ChatSessionView> GetAsync(string user);

    [Alias("delete")]
    Task DeleteAsync(string user);

    /// <summary>Streams the answer to <paramref name="text"/>; cancelling the token stops the provider call.</summary>
    [Alias("send")]
    IAsyncEnumerable<ChatEvent> SendAsync(string user, string text, string? model, CancellationToken cancellationToken);

    /// <summary>Stops the answer <paramref name="messageId"/> if it is still streaming.</summary>
    [AlwaysInterleave, Alias("cancel")]
    Task<bool> CancelAsync(string user, string messageId);
}

/// <summary>The sessions of one user. Key: "tenant/user".</summary>
[Alias("chat-directory.grain")]
public interface IChatDirectoryGrain : IGrainWithStringKey
{
    [Alias("add")]
    Task AddAsync(ChatSessionView session);

    [Alias("remove")]
    Task RemoveAsync(string sessionId);

    [Alias("list")]
    Task<System.Collections.Immutable.ImmutableArray<ChatSessionView>> ListAsync();
}
