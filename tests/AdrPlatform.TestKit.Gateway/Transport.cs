namespace AdrPlatform.TestKit;

public enum Transport
{
    Grpc,
    GrpcWeb,
}
