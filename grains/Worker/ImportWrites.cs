using AdrPlatform.Domain.Markdown;
using AdrPlatform.Model;

namespace AdrPlatform.Grains;

/// <summary>
/// Writes an import plan through the ADR grains, the single writers of ADRs: every record first, then the links
/// between them (a link needs both of its ADRs stored). A bounded number of ADR grains work at once. Each step is
/// idempotent, so the retry of an import that failed midway finishes what its earlier attempt began.
/// </summary>
internal static class ImportWrites
{
    private const int ConcurrentAdrs = 16;

    public static async Task WriteAsync(IGrainFactory grains, string tenant, ImportPlan plan, DateTimeOffset at, string actor)
    {
        await ForEach(plan.Adrs, adr => grains.GetGrain<IAdrGrain>(adr.Number, tenant)
            .ImportAsync(new AdrImport(adr.Content, adr.Status, adr.StatusNote, adr.SourcePath, at), actor));
        await ForEach(plan.Links.GroupBy(link => link.From), links => grains.GetGrain<IAdrGrain>(links.Key, tenant)
            .AddImportedLinksAsync([.. links]));
    }

    // On the calling grain's scheduler: grain code must not continue on thread-pool threads.
    private static Task ForEach<T>(IEnumerable<T> items, Func<T, Task> write) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentAdrs, TaskScheduler = TaskScheduler.Current },
            async (item, _) => await write(item));
}
