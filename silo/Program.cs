using AdrPlatform.Hosting;
using AdrPlatform.Placement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

// The worker silo: hosts tenant, ADR, job and search grains and the stream workers in a cluster that
// shares its state through Postgres with the front silos. "migrate" applies migrations and exits.
// Settings are read from beside the executable, so the silo is configured the same wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Length > 0 && args[0] == "migrate" ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
// A worker unless told otherwise; the lowest-priority source, so appsettings, environment and arguments win.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?> { [$"{PlatformSiloOptions.Section}:{nameof(PlatformSiloOptions.Role)}"] = SiloRoles.Worker },
});
if (args.Length > 0 && args[0] == "migrate")
{
    return await MigrateCommand.RunAsync(builder.Configuration, Console.Out, Console.Error);
}

builder.Logging.AddPlatformConsole(builder.Configuration);
builder.Services.AddSiloMetrics(builder.Configuration);
builder.UseOrleans(silo => silo.AddAdrPlatform(builder.Configuration));
await builder.Build().RunAsync();
return 0;
