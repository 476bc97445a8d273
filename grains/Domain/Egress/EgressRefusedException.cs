namespace AdrPlatform.Domain.Egress;

/// <summary>
/// An outbound fetch the egress guard refused or stopped. The message names the reason and the host only: never the
/// path, the query or any content, so it may be logged and shown to the tenant.
/// </summary>
public sealed class EgressRefusedException : Exception
{
    public EgressRefusedException()
        : base("the egress guard refused the fetch")
    {
    }

    public EgressRefusedException(string message)
        : base(message)
    {
    }

    public EgressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EgressRefusedException(EgressRefusalReason reason, string host, string message)
        : base(message)
    {
        Reason = reason;
        Host = host;
    }

    public EgressRefusalReason Reason { get; }

    /// <summary>The normalised host the refusal concerns; "-" when the URL had none.</summary>
    public string Host { get; } = "-";
}
