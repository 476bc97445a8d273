using AdrPlatform.Contracts.Adr.V1;

namespace AdrPlatform.Integration.Tests.Infrastructure;

public static class AdrPages
{
    /// <summary>Every ADR of the caller's tenant, newest first, read page by page.</summary>
    public static async Task<List<Adr>> AllAsync(AdrService.AdrServiceClient adrs)
    {
        ArgumentNullException.ThrowIfNull(adrs);
        var all = new List<Adr>();
        var token = string.Empty;
        do
        {
            var page = await adrs.ListAdrsAsync(new ListAdrsRequest { PageSize = 500, PageToken = token });
            all.AddRange(page.Adrs);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}
