namespace AdrPlatform.Ports;

/// <summary>A write lost a race: the stored state is not what the writer expected.</summary>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException()
    {
    }

    public StoreConflictException(string message) : base(message)
    {
    }

    public StoreConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
