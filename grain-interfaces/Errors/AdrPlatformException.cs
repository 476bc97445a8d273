namespace AdrPlatform.Errors;

/// <summary>An expected failure with a message meant for the person who made the request.</summary>
[GenerateSerializer, Alias("adrplatform.error")]
public sealed class AdrPlatformException : Exception
{
    public AdrPlatformException()
    {
    }

    public AdrPlatformException(string message) : base(message)
    {
    }

    public AdrPlatformException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public AdrPlatformException(ErrorKind kind, string message) : base(message) => Kind = kind;

    [Id(0)]
    public ErrorKind Kind { get; init; } = ErrorKind.InvalidArgument;

    public static AdrPlatformException Invalid(string message) => new(ErrorKind.InvalidArgument, message);

    public static AdrPlatformException NotFound(string message) => new(ErrorKind.NotFound, message);

    public static AdrPlatformException Precondition(string message) => new(ErrorKind.FailedPrecondition, message);
}
