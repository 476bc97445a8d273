using Microsoft.Extensions.AI;

namespace AdrPlatform.Ports;

/// <summary>A model alias clients name: its providers (in failover order, behind one client) and its price.</summary>
public sealed record ChatModel(string Alias, IChatClient Client, decimal InputPricePerMillionTokens, decimal OutputPricePerMillionTokens);
