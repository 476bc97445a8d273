using AdrPlatform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// The worker silo: hosts tenant and ADR grains (and later the stream workers) in a cluster that
// shares its state through Postgres with the front silos. "migrate" applies migrations and exits.
// Settings are read from beside the executable, so the silo is configured the same wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Length > 0 && args[0] == "migrate" ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
if (args.Length > 0 && args[0] == "migrate")
{
    return await MigrateCommand.RunAsync(builder.Configuration, Console.Out, Console.Error);
}

builder.UseOrleans(silo => silo.AddAdrPlatform(builder.Configuration));
await builder.Build().RunAsync();
return 0;
