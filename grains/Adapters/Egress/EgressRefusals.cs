using System.Text.Json;
using AdrPlatform.Domain.Egress;
using AdrPlatform.Errors;
using AdrPlatform.Observability;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;

namespace AdrPlatform.Adapters.Egress;

/// <summary>Counts each refusal (<c>adrplatform_egress_refused_total</c>) and logs it with its reason and host, never the path, query or content.</summary>
internal sealed class EgressRefusals(ILogger logger)
{
    public static string TagOf(EgressRefusalReason reason) => JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());

    public void Record(EgressRequest request, EgressRefusedException refused)
    {
        var reason = TagOf(refused.Reason);
        PlatformTelemetry.EgressRefused.Add(
            1, new("tenant", request.Tenant), new("tool", request.Tool), new("reason", reason));
        logger.LogWarning(
            "Egress refused for tenant {Tenant}, tool {Tool}: {Reason} at host {Host}: {Detail}",
            LogText.Escape(request.Tenant), LogText.Escape(request.Tool), reason, LogText.Escape(refused.Host, 255), LogText.Escape(refused.Message, 300));
    }
}
