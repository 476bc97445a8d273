using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AdrPlatform.Hosting;

public static class ConsoleLogSetup
{
    /// <summary>
    /// The console log in the format <see cref="LogFormatOptions.Format"/> names. JSON lines carry the scopes:
    /// the trace and span ids of the activity in progress and whatever the host adds (a front silo: tenant, user).
    /// </summary>
    public static ILoggingBuilder AddPlatformConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var options = configuration.GetValidated<LogFormatOptions>(LogFormatOptions.Section);
        logging.Configure(factory => factory.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (options.Format == LogFormatOptions.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return logging;
    }
}
