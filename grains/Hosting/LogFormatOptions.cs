using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Hosting;

/// <summary>How both hosts write their console log; levels stay under Logging:LogLevel as usual.</summary>
public sealed class LogFormatOptions
{
    public const string Section = "Logging";

    public const string Text = "text";

    public const string Json = "json";

    [Description("Console log lines: `text` (readable) or `json` (one object per line with the trace and span ids and, on a front silo, the caller's tenant and user; never request content)")]
    [RegularExpression("^(text|json)$", ErrorMessage = "The field Format must be 'text' or 'json'.")]
    public string Format { get; set; } = Text;
}
