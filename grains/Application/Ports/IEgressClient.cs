using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Ports;

/// <summary>
/// The one way out to the internet for anything a tenant can steer (crawler, agent tools). A fetch goes only to hosts
/// the tenant's and the tool's allowlists name, only to public addresses (checked after resolving, and connected to
/// as checked), follows redirects itself re-checking each, and stops at the size and time limits. A refused or
/// stopped fetch throws <see cref="EgressRefusedException"/> with its <see cref="EgressRefusalReason"/>; cancellation
/// throws <see cref="OperationCanceledException"/>. Any HTTP status, errors included, is a response.
/// </summary>
public interface IEgressClient
{
    Task<EgressResponse> FetchAsync(EgressRequest request, CancellationToken cancellationToken);
}
