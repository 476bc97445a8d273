using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Gateway.Auth;
using Grpc.Core;

namespace AdrPlatform.Gateway.Services;

public sealed class TenantGrpcService(CallerResolver callers) : TenantService.TenantServiceBase
{
    public override Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var response = new WhoAmIResponse { Tenant = caller.Tenant, User = caller.User };
        response.Roles.AddRange(caller.Roles);
        return Task.FromResult(response);
    }
}
