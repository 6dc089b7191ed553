using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civility.ServiceDefaults.DataProtection;

/// <summary>
/// Data protection (anti-forgery tokens, cookies) with one key that every replica of an application derives from the
/// same secret, <c>DataProtection:KeyRingSecret</c>. Left to itself each process makes and keeps its own keys, so a
/// form rendered by one replica and posted to another would be refused, and every restart of a container would void
/// the forms open in visitors' browsers. No shared folder or database is needed, which is what lets the portal run
/// as several pods with nothing but a Kubernetes secret. Changing the secret voids what the old one protected (open
/// forms; nothing the portal keeps), so it is rotated by changing it.
/// </summary>
public static class SharedKeyRing
{
    public const string SecretKey = "DataProtection:KeyRingSecret";
    public const int MinimumSecretLength = 32;

    /// <summary>
    /// Outside Development the secret is required (a missing one fails the start, rather than leaving replicas that
    /// refuse each other's forms); in Development without one, each process keeps its own keys.
    /// </summary>
    public static IHostApplicationBuilder AddSharedKeyRing(this IHostApplicationBuilder builder, string applicationName)
    {
        var secret = builder.Configuration[SecretKey];
        var protection = builder.Services.AddDataProtection().SetApplicationName(applicationName);
        if (string.IsNullOrEmpty(secret))
        {
            if (builder.Environment.IsDevelopment()) return builder;
            throw new InvalidOperationException($"{SecretKey} is not set: every replica needs the same secret to read the others' forms.");
        }
        if (secret.Length < MinimumSecretLength)
            throw new InvalidOperationException($"{SecretKey} must be at least {MinimumSecretLength} characters long.");
        protection.DisableAutomaticKeyGeneration();
        builder.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = new Repository(secret, applicationName));
        return builder;
    }

    /// <summary>A key ring of one key, the same wherever it is built from the same secret and application name.</summary>
    internal sealed class Repository(string secret, string applicationName) : IXmlRepository
    {
        private readonly XElement _key = KeyFrom(secret, applicationName);

        public IReadOnlyCollection<XElement> GetAllElements() => [new XElement(_key)];

        // Only a new key or a revocation is ever stored; the key never expires and is changed with the secret.
        public void StoreElement(XElement element, string friendlyName) =>
            throw new NotSupportedException($"The key ring is derived from {SecretKey}: change the secret to change the key.");

        private static XElement KeyFrom(string secret, string applicationName)
        {
            var info = Encoding.UTF8.GetBytes($"civility data protection: {applicationName}");
            var masterKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 64, salt: null, info);
            var keyId = new Guid(SHA256.HashData(masterKey).AsSpan(0, 16));
            var descriptor = new AuthenticatedEncryptorDescriptor(new AuthenticatedEncryptorConfiguration(), new Secret(masterKey))
                .ExportToXml();
            // Active since the epoch and for centuries: no replica ever decides it is time for a new key.
            return new XElement("key", new XAttribute("id", keyId), new XAttribute("version", 1),
                new XElement("creationDate", DateTimeOffset.UnixEpoch),
                new XElement("activationDate", DateTimeOffset.UnixEpoch),
                new XElement("expirationDate", DateTimeOffset.UnixEpoch.AddYears(1000)),
                new XElement("descriptor", new XAttribute("deserializerType", descriptor.DeserializerType.AssemblyQualifiedName!),
                    descriptor.SerializedDescriptorElement));
        }
    }
}
