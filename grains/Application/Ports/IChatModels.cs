namespace AdrPlatform.Ports;

/// <summary>The chat model aliases clients may name, each with its provider client and price.</summary>
public interface IChatModels
{
    /// <summary>The model of the <paramref name="requested"/> alias, or the default one when none is requested; an unknown alias is refused as invalid.</summary>
    ChatModel Resolve(string? requested);
}
