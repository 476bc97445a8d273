namespace AdrPlatform.Domain.Documents;

/// <summary>An upload that cannot be ingested; the message is the reason, written for the person who uploaded it.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException()
        : base("the document was rejected")
    {
    }

    public DocumentRejectedException(string message)
        : base(message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
