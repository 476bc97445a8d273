using AdrPlatform.Hosting;
using AdrPlatform.Placement;
using Microsoft.Extensions.Configuration.Memory;

// The worker silo: hosts tenant, ADR, job and search grains and the stream workers in a cluster that
// shares its state through Postgres with the front silos, and serves metrics and health on its management
// port only. "migrate" applies migrations and exits.
// Settings are read from beside the executable, so the silo is configured the same wherever it is started from.
var migrate = args.Length > 0 && args[0] == "migrate";
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = migrate ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory,
});

// A worker on its own management port unless told otherwise; the lowest-priority source, so appsettings,
// environment and arguments win.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        [$"{PlatformSiloOptions.Section}:{nameof(PlatformSiloOptions.Role)}"] = SiloRoles.Worker,
        [$"{ManagementOptions.Section}:{nameof(ManagementOptions.Port)}"] = ManagementOptions.WorkerDefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    },
});
if (migrate)
{
    return await MigrateCommand.RunAsync(builder.Configuration, Console.Out, Console.Error);
}

var management = builder.AddPlatformServiceDefaults();
builder.WebHost.UseUrls(management.Url);
builder.UseOrleans(silo => silo.AddAdrPlatform(builder.Configuration));
var app = builder.Build();
app.UseManagementEndpoints(management);
await app.RunAsync();
return 0;
