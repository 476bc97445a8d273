namespace AdrPlatform.Ports;

/// <summary>Counts the tokens of a text the way the provider bills them; used where a provider reports no usage (a cancelled stream).</summary>
public interface ITokenCounter
{
    int Count(string text);
}
