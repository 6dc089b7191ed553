using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Civility.Testing;

/// <summary>
/// Access tokens for service tests, shaped like the token server's (issuer, audience, scope, client_id, unit_id) and
/// signed with a key made for this test run, which <see cref="ServiceHost{TProgram}"/> makes the service trust.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://identity/";

    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-run" };

    public static string Create(string audience, string clientId, string? unitId, IEnumerable<string> scopes, TimeSpan? lifetime = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["client_id"] = clientId,
            ["sub"] = clientId,
            ["scope"] = string.Join(' ', scopes),
        };
        if (unitId is not null) claims["unit_id"] = unitId;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(30)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            TokenType = "at+jwt",
        });
    }
}
