using AdrPlatform.Gateway.Auth;
using Grpc.Core;

namespace AdrPlatform.Gateway.Hosting;

public static class CallerLogScope
{
    /// <summary>
    /// Every log line written while a request with a valid token is served names its tenant and user (never
    /// what it asks). A token that fails <see cref="Caller"/>'s checks gets no scope; its call is refused later.
    /// </summary>
    public static IApplicationBuilder UseCallerLogScope(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<PlatformAuthOptions>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CallerLogScope).FullName!);
        return app.Use(async (context, next) =>
        {
            var caller = context.User.Identity?.IsAuthenticated == true ? TryResolve(context, options) : null;
            if (caller is null)
            {
                await next(context);
                return;
            }

            using (logger.BeginScope(new KeyValuePair<string, object?>[] { new("tenant", caller.Tenant), new("user", caller.User) }))
            {
                await next(context);
            }
        });
    }

    private static Caller? TryResolve(HttpContext context, PlatformAuthOptions options)
    {
        try
        {
            return Caller.From(context.User, options);
        }
        catch (RpcException)
        {
            return null;
        }
    }
}
