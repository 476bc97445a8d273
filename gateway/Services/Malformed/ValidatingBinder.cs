using System.Reflection;
using AdrPlatform.Errors;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace AdrPlatform.Gateway.Services.Malformed;

/// <summary>Adds each method of a generated service to the endpoint model, with a request marshaller that refuses malformed bytes.</summary>
internal sealed class ValidatingBinder<TService>(ServiceMethodProviderContext<TService> context, MalformedRequests refusals) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(TRequest), typeof(ServerCallContext));
        context.AddUnaryMethod(Validating(method), Metadata(implementation), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(implementation));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddServerStreamingMethod(Validating(method), Metadata(implementation), Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(implementation));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        context.AddClientStreamingMethod(Validating(method), Metadata(implementation), Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(implementation));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddDuplexStreamingMethod(Validating(method), Metadata(implementation), Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(implementation));
    }

    private Method<TRequest, TResponse> Validating<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var deserialize = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, payload =>
        {
            try
            {
                return deserialize(payload);
            }
            catch (InvalidProtocolBufferException error)
            {
                throw refusals.Refuse(method.FullName, StatusCode.InvalidArgument,
                    $"The request is not a valid {typeof(TRequest).Name} message: {LogText.Escape(error.Message, 200)}");
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }

    private static MethodInfo Implementation(string name, params Type[] parameters) =>
        typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
        ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name}.");

    private static TDelegate Invoker<TDelegate>(MethodInfo implementation) where TDelegate : Delegate =>
        (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), implementation);

    /// <summary>Like Grpc.AspNetCore: the service's attributes, then the method's (which take precedence), then POST only.</summary>
    private static List<object> Metadata(MethodInfo implementation) =>
    [
        .. typeof(TService).GetCustomAttributes(inherit: true),
        .. implementation.GetCustomAttributes(inherit: true),
        new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
    ];
}
