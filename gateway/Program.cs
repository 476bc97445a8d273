using AdrPlatform.Gateway.Hosting;

if (args.Length > 0 && args[0] == "token")
{
    return TokenCommand.Run(args[1..], Console.Out, Console.Error);
}

await GatewayApp.Build(args).RunAsync();
return 0;
