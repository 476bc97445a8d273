using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Errors;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Grains;
using Grpc.Core;

namespace AdrPlatform.Gateway.Services;

/// <summary>Who the caller is, and the admin side of the tenant: usage, quotas, budget, kill switch.</summary>
public sealed class TenantGrpcService(IGrainFactory grains, CallerResolver callers) : TenantService.TenantServiceBase
{
    private const decimal MaxBudgetUsd = 10_000_000m;

    public override Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var response = new WhoAmIResponse { Tenant = caller.Tenant, User = caller.User };
        response.Roles.AddRange(caller.Roles);
        return Task.FromResult(response);
    }

    public override async Task<GetUsageResponse> GetUsage(GetUsageRequest request, ServerCallContext context)
    {
        var usage = await Tenant(context).GetUsageAsync();
        var response = new GetUsageResponse
        {
            SpentUsd = (double)usage.SpentUsd,
            ReservedUsd = (double)usage.ReservedUsd,
            BudgetUsd = (double)usage.BudgetUsd,
            KillSwitchTripped = usage.KillSwitchTripped,
            Quotas = new Quotas { RequestsPerMinute = usage.Quotas.RequestsPerMinute, ConcurrentStreams = usage.Quotas.ConcurrentStreams, TokensPerDay = usage.Quotas.TokensPerDay },
        };
        response.AlertsRaised.AddRange(usage.AlertsRaised);
        response.Users.AddRange(usage.Users.Select(u => new UserUsage
        {
            User = u.User,
            RequestsLastMinute = u.RequestsLastMinute,
            TokensToday = u.TokensToday,
            TokensReserved = u.TokensReserved,
            ActiveStreams = u.ActiveStreams,
        }));
        return response;
    }

    public override async Task<SetQuotasResponse> SetQuotas(SetQuotasRequest request, ServerCallContext context)
    {
        var quotas = request.Quotas ?? throw AdrPlatformException.Invalid("quotas are required.");
        await Tenant(context).SetUserQuotasAsync(quotas.RequestsPerMinute, quotas.ConcurrentStreams, quotas.TokensPerDay);
        return new SetQuotasResponse();
    }

    public override async Task<SetBudgetResponse> SetBudget(SetBudgetRequest request, ServerCallContext context)
    {
        if (!double.IsFinite(request.MonthlyBudgetUsd) || request.MonthlyBudgetUsd < 0 || request.MonthlyBudgetUsd > (double)MaxBudgetUsd)
        {
            throw AdrPlatformException.Invalid($"monthly_budget_usd must be between 0 and {MaxBudgetUsd:N0}.");
        }

        await Tenant(context).SetBudgetAsync(Math.Round((decimal)request.MonthlyBudgetUsd, 2));
        return new SetBudgetResponse();
    }

    public override async Task<ResetKillSwitchResponse> ResetKillSwitch(ResetKillSwitchRequest request, ServerCallContext context) =>
        new() { WasTripped = await Tenant(context).ResetKillSwitchAsync() };

    public override async Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<WatchAlertsResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        var caller = callers.Resolve(context, Roles.Admin);
        var feed = grains.GetGrain<IAlertFeedGrain>(caller.Tenant);
        await foreach (var alert in feed.WatchAsync(context.CancellationToken).WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(
                new WatchAlertsResponse
                {
                    Percent = alert.Percent,
                    SpentUsd = (double)alert.SpentUsd,
                    BudgetUsd = (double)alert.BudgetUsd,
                    KillSwitch = alert.KillSwitch,
                    At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(alert.At),
                },
                context.CancellationToken);
        }
    }

    private ITenantGrain Tenant(ServerCallContext context) => grains.GetGrain<ITenantGrain>(callers.Resolve(context, Roles.Admin).Tenant);
}
