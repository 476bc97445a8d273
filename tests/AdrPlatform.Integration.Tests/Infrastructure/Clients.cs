using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Tenant.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>Typed clients of one caller: every call carries that caller's bearer token.</summary>
public sealed class Clients(GatewayHost host, Transport transport, string token)
{
    private readonly CallInvoker _invoker = host.Channel(transport).Intercept(metadata =>
    {
        metadata.Add("authorization", "Bearer " + token);
        return metadata;
    });

    public CallInvoker Invoker => _invoker;

    public AdrService.AdrServiceClient Adrs => new(_invoker);

    public TenantService.TenantServiceClient Tenants => new(_invoker);

    public static Clients For(GatewayHost host, Transport transport, string tenant, string user, params string[] roles) =>
        new(host, transport, host.Token(tenant, user, roles));
}
