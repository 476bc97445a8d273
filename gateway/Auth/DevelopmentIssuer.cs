using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdrPlatform.Gateway.Auth;

/// <summary>
/// The embedded default's token issuer: signs development tokens with a local HMAC key kept in a
/// file only its owner can read. Not an identity provider; production configures Auth:Authority.
/// </summary>
public sealed class DevelopmentIssuer
{
    public const string IssuerName = "adrplatform-development";

    private DevelopmentIssuer(string keyPath, SymmetricSecurityKey key)
    {
        KeyPath = keyPath;
        Key = key;
    }

    public string KeyPath { get; }

    public SymmetricSecurityKey Key { get; }

    public static string DefaultKeyPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".adrplatform", "dev-signing-key");

    /// <summary>Loads the key at <paramref name="keyPath"/>, creating it on first use.</summary>
    public static DevelopmentIssuer LoadOrCreate(string? keyPath)
    {
        var path = string.IsNullOrWhiteSpace(keyPath) ? DefaultKeyPath() : Path.GetFullPath(keyPath);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(path, options);
                using var writer = new StreamWriter(stream);
                writer.Write(created);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        var bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException($"The development signing key at {path} is shorter than 256 bits.");
        }

        return new DevelopmentIssuer(path, new SymmetricSecurityKey(bytes) { KeyId = "dev" });
    }

    public string Mint(string tenant, string user, IEnumerable<string> roles, string audience, TimeSpan lifetime, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user,
            ["tenant"] = tenant,
            ["roles"] = roles.ToArray(),
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = IssuerName,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public TokenValidationParameters Parameters(string audience) => new()
    {
        ValidIssuer = IssuerName,
        ValidAudience = audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
