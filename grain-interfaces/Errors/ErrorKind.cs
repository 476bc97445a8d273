namespace AdrPlatform.Errors;

/// <summary>What went wrong, in the terms a client acts on; the gateway maps each to a gRPC status.</summary>
public enum ErrorKind
{
    InvalidArgument = 1,
    NotFound = 2,
    FailedPrecondition = 3,
    AlreadyExists = 4,
    PermissionDenied = 5,
    ResourceExhausted = 6,
    Unavailable = 7,
}
