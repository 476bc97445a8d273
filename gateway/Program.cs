using AdrPlatform.Gateway.Hosting;
using AdrPlatform.Hosting;

if (args.Length > 0 && args[0] == "token")
{
    return TokenCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "migrate")
{
    return await MigrateCommand.RunAsync(WebApplication.CreateBuilder(args[1..]).Configuration, Console.Out, Console.Error);
}

await GatewayApp.Build(args).RunAsync();
return 0;
