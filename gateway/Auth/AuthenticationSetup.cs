using System.Globalization;
using AdrPlatform.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AdrPlatform.Gateway.Auth;

/// <summary>JWT bearer authentication against the configured OIDC issuer, or the development issuer.</summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetValidated<PlatformAuthOptions>(PlatformAuthOptions.Section);
        services.AddSingleton(options);
        services.AddSingleton<CallerResolver>();
        var development = options.UsesDevelopmentIssuer ? DevelopmentIssuer.LoadOrCreate(options.DevelopmentKeyPath) : null;
        if (development is not null)
        {
            services.AddSingleton(development);
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Audience = options.Audience;
            if (development is not null)
            {
                jwt.TokenValidationParameters = development.Parameters(options.Audience);
            }
            else
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                jwt.TokenValidationParameters.ValidAudience = options.Audience;
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            }

            jwt.Events = new JwtBearerEvents { OnChallenge = AnswerAsGrpc };
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>A refused token answers as a gRPC status (trailers-only), with a reason a person can act on.</summary>
    private static Task AnswerAsGrpc(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var reason = context.AuthenticateFailure switch
        {
            null => "A bearer token is required (authorization: Bearer <token>).",
            SecurityTokenExpiredException expired => string.Create(CultureInfo.InvariantCulture, $"The token expired at {expired.Expires:u}."),
            SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature is not valid.",
            SecurityTokenInvalidAudienceException => "The token is not meant for this service (audience).",
            SecurityTokenInvalidIssuerException => "The token comes from an issuer this service does not trust.",
            _ => "The token is not valid.",
        };
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = context.Request.ContentType ?? "application/grpc";
        response.Headers["grpc-status"] = "16";
        response.Headers["grpc-message"] = Uri.EscapeDataString(reason);
        return Task.CompletedTask;
    }
}
