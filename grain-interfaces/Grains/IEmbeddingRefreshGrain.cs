namespace AdrPlatform.Grains;

/// <summary>Embeds again, in the background, a tenant's passages whose vectors another embedding model made.</summary>
[Alias("embedding.refresh.grain")]
public interface IEmbeddingRefreshGrain : IGrainWithStringKey
{
    /// <summary>Starts the refresh unless it runs or has found nothing left to do; returns at once.</summary>
    [Alias("ensure-current")]
    Task EnsureCurrentAsync();
}
