using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace AdrPlatform.Gateway.Services.Malformed;

/// <summary>
/// Binds the generated gRPC services as Grpc.AspNetCore's own binder does, except that each request marshaller
/// answers bytes that are not a valid message (invalid UTF-8 in a string, garbage) with INVALID_ARGUMENT.
/// Grpc.AspNetCore deserializes before any interceptor runs and has no other hook there; left alone, such a
/// request answers UNKNOWN and logs two stack traces. Registered in place of the built-in binder by <see cref="MalformedRequestSetup"/>.
/// </summary>
public sealed class ValidatingServiceMethodProvider<TService>(MalformedRequests refusals) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                var bindService = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{bind.BindType} has no {bind.BindMethodName}(ServiceBinderBase, {type.Name}).");
                bindService.Invoke(null, [new ValidatingBinder<TService>(context, refusals), null]);
                return;
            }
        }
    }
}
