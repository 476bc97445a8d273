using System.IO.Pipelines;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Http.Features;

namespace AdrPlatform.Gateway.Services.Malformed;

public static class MalformedRequestSetup
{
    private const string BuiltInBinder = "BinderServiceMethodProvider`1";

    /// <summary>
    /// Binds the gRPC services with <see cref="ValidatingServiceMethodProvider{TService}"/> in place of Grpc.AspNetCore's
    /// binder (an internal type, found by name so that a rename fails at start), and keeps Grpc.AspNetCore's per-call
    /// information log quiet: it logs every refused message with its stack trace, and <see cref="MalformedRequests"/> already logged one line.
    /// </summary>
    public static void AddMalformedRequestRefusals(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Remove(services.Single(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == BuiltInBinder));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(ValidatingServiceMethodProvider<>));
        services.AddSingleton<MalformedRequests>();
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
    }

    /// <summary>Reads the body of every gRPC call through a <see cref="RequestFrameGuard"/>; goes after UseGrpcWeb, which decodes gRPC-Web text.</summary>
    public static void UseRequestFrameGuard(this IApplicationBuilder app, int maxMessageBytes) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
            {
                var refusals = context.RequestServices.GetRequiredService<MalformedRequests>();
                var guard = new RequestFrameGuard(context.Request.BodyReader, maxMessageBytes, (code, reason) => refusals.Refuse(grpc.Method.FullName, code, reason));
                context.Features.Set<IRequestBodyPipeFeature>(new GuardedBody(guard));
            }

            return next(context);
        });

    private sealed class GuardedBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }
}
