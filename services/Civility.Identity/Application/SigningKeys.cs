using System.Security.Cryptography;
using Civility.ServiceDefaults.Files;
using Microsoft.IdentityModel.Tokens;

namespace Civility.Identity.Application;

/// <summary>
/// The key that signs access tokens. In production it comes from configuration (<c>Identity:SigningKeyPem</c>, an RSA
/// private key in PEM); for development it is generated once and kept in <c>Identity:KeyDirectory</c> (the app host's
/// git-ignored data folder), so tokens stay valid across restarts.
/// </summary>
public static class SigningKeys
{
    public const string FileName = "token-signing-key.pem";

    public static RsaSecurityKey Load(string? pem, string? keyDirectory)
    {
        var rsa = RSA.Create();
        if (!string.IsNullOrWhiteSpace(pem))
        {
            rsa.ImportFromPem(pem);
        }
        else if (!string.IsNullOrWhiteSpace(keyDirectory))
        {
            PrivateFiles.CreateFolder(keyDirectory);
            var file = Path.Combine(keyDirectory, FileName);
            if (File.Exists(file))
            {
                rsa.ImportFromPem(File.ReadAllText(file));
            }
            else
            {
                // Replicas starting together each make a key; the first written is the one every replica signs with.
                using var made = RSA.Create(2048);
                rsa.ImportFromPem(PrivateFiles.CreateOnce(file, made.ExportRSAPrivateKeyPem()));
            }
        }
        else
        {
            throw new InvalidOperationException(
                "No token signing key: set Identity:SigningKeyPem (production) or Identity:KeyDirectory (development).");
        }
        return new RsaSecurityKey(rsa) { KeyId = Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }
}
