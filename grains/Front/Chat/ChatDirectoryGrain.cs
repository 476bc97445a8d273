using System.Collections.Immutable;
using AdrPlatform.Model;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains.Chat;

[GenerateSerializer, Alias("chat.directory.state")]
public sealed class ChatDirectoryState
{
    [Id(0)]
    public List<ChatSessionView> Sessions { get; set; } = [];
}

/// <summary>The list of one user's sessions, newest first, so listing needs no scan.</summary>
[OnSiloRole(SiloRoles.Front)]
public sealed class ChatDirectoryGrain(
    [PersistentState("chat-directory", StorageNames.Chats)] IPersistentState<ChatDirectoryState> state) : Grain, IChatDirectoryGrain
{
    public async Task AddAsync(ChatSessionView session)
    {
        state.State.Sessions.Insert(0, session);
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string sessionId)
    {
        if (state.State.Sessions.RemoveAll(s => s.Id == sessionId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<ChatSessionView>> ListAsync() => Task.FromResult<ImmutableArray<ChatSessionView>>([.. state.State.Sessions]);
}
