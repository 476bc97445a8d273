using AdrPlatform.Gateway.Auth;

namespace AdrPlatform.Gateway.Hosting;

/// <summary>
/// <c>token --tenant T --user U [--role R]... [--hours H] [--key PATH]</c>: prints a development token
/// signed with the same local key the embedded front silo validates.
/// </summary>
public static class TokenCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        string? tenant = null, user = null, key = null;
        var roles = new List<string>();
        var hours = 8.0;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--tenant": tenant = value; i++; break;
                case "--user": user = value; i++; break;
                case "--role": roles.Add(value ?? string.Empty); i++; break;
                case "--hours": hours = double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : -1; i++; break;
                case "--key": key = value; i++; break;
                default:
                    errors.WriteLine($"Unknown option {args[i]}.");
                    return Usage(errors);
            }
        }

        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(user) || hours <= 0 || roles.Any(r => !Roles.Known.Contains(r)))
        {
            return Usage(errors);
        }

        if (!Caller.IsCanonicalTenant(tenant))
        {
            errors.WriteLine($"--tenant must be {Caller.TenantRule}.");
            return Usage(errors);
        }

        var issuer = DevelopmentIssuer.LoadOrCreate(key);
        var token = issuer.Mint(tenant, user, roles.Count == 0 ? [Roles.Viewer] : roles, new PlatformAuthOptions().Audience, TimeSpan.FromHours(hours), DateTimeOffset.UtcNow);
        output.WriteLine(token);
        return 0;
    }

    private static int Usage(TextWriter errors)
    {
        errors.WriteLine("usage: token --tenant TENANT --user USER [--role viewer|editor|admin]... [--hours 8] [--key PATH]");
        return 2;
    }
}
