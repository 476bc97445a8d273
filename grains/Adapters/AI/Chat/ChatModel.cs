namespace AdrPlatform.Adapters.Chat;

/// <summary>A model alias clients name: its providers (in failover order, behind one client) and its price.</summary>
public sealed record ChatModel(string Alias, Microsoft.Extensions.AI.IChatClient Client, decimal InputPricePerMillionTokens, decimal OutputPricePerMillionTokens);
