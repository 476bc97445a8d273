namespace AdrPlatform.Grains.Chat;

/// <summary>The answer a session is streaming: how to stop it, and whether the session was deleted while it streamed.</summary>
internal sealed class StreamingAnswer(string messageId, CancellationTokenSource cancel)
{
    public string MessageId => messageId;

    /// <summary>Set when the session is deleted mid-answer: the answer is still billed but no longer written to the session.</summary>
    public bool SessionDeleted { get; private set; }

    public Task CancelAsync() => cancel.CancelAsync();

    public Task CancelForDeletionAsync()
    {
        SessionDeleted = true;
        return cancel.CancelAsync();
    }
}
