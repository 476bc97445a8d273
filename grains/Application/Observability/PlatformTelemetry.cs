using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AdrPlatform.Observability;

/// <summary>
/// The platform's own metrics and trace source. Names follow OpenTelemetry conventions; tags carry
/// tenant and model, never prompt or answer text.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "AdrPlatform";

    public static readonly ActivitySource Traces = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> FirstTokenLatency = Meter.CreateHistogram<double>(
        "adrplatform.chat.first_token.duration", "ms", "From the question reaching the session grain to the first answer token.");

    public static readonly Histogram<double> InterTokenGap = Meter.CreateHistogram<double>(
        "adrplatform.chat.inter_token.duration", "ms", "Between consecutive answer tokens.");

    public static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "adrplatform.chat.tokens", "{token}", "Tokens settled, by tenant, model and kind (prompt or completion).");

    public static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "adrplatform.chat.cost", "USD", "Money settled, by tenant and model.");

    public static readonly UpDownCounter<long> ActiveStreams = Meter.CreateUpDownCounter<long>(
        "adrplatform.chat.active_streams", "{stream}", "Answers streaming right now.");

    public static readonly Counter<long> Cancellations = Meter.CreateCounter<long>(
        "adrplatform.chat.cancellations", "{answer}", "Answers stopped by the client or CancelMessage.");

    public static readonly Counter<long> ProviderErrors = Meter.CreateCounter<long>(
        "adrplatform.chat.provider_errors", "{error}", "Failed provider calls, by provider.");

    public static readonly Counter<long> JobsFinished = Meter.CreateCounter<long>(
        "adrplatform.jobs.finished", "{job}", "Job attempts that ended, by tenant, kind and state (succeeded, failed, cancelled).");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "adrplatform.jobs.duration", "s", "From a job attempt being queued to its end, by kind and state.");

    public static readonly Gauge<double> BudgetUsed = Meter.CreateGauge<double>(
        "adrplatform.tenant.budget.used_ratio", "1", "This month's spend over the monthly budget (1 = all of it), by tenant; recorded as answers settle.");

    public static readonly Histogram<double> RpcDuration = Meter.CreateHistogram<double>(
        "adrplatform.rpc.server.duration", "s", "gRPC and gRPC-Web calls, by method and status code (streams: until their last message).");

    public static readonly Counter<long> BudgetAlerts = Meter.CreateCounter<long>(
        "adrplatform.tenant.budget_alerts", "{alert}", "Monthly budget thresholds crossed, by tenant and percentage.");

    public static readonly Counter<long> EgressRefused = Meter.CreateCounter<long>(
        "adrplatform.egress.refused", "{fetch}", "Outbound fetches the egress guard refused or stopped, by tenant, tool and reason.");
}
