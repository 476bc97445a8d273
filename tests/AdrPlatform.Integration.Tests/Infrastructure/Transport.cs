namespace AdrPlatform.Integration.Tests.Infrastructure;

public enum Transport
{
    Grpc,
    GrpcWeb,
}
