using System.Security.Cryptography;
using System.Text;
using Civility.Domain.PersonalData;
using Microsoft.Extensions.Options;

namespace Civility.Hosting.PersonalData;

/// <summary>Keys from configuration (<c>PersonalData:*</c>); the app host hands every service the same ones.</summary>
public sealed class PersonalDataOptions
{
    /// <summary>Keys the lookup hash: the same person gives the same hash in every service, nothing else does.</summary>
    public string HashKey { get; set; } = "";

    /// <summary>Encrypts the numbers themselves (AES-256-GCM).</summary>
    public string EncryptionKey { get; set; } = "";
}

/// <summary>
/// Stores personal identifiers protected: a keyed hash (HMAC-SHA-256) for lookup and de-duplication, and the value
/// encrypted (AES-256-GCM, random nonce) for the rare lawful need to read it back. Neither reveals the number
/// without the keys.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Version = "v1";
    private readonly byte[] _hashKey;
    private readonly byte[] _encryptionKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.HashKey) || string.IsNullOrWhiteSpace(settings.EncryptionKey))
            throw new InvalidOperationException("PersonalData:HashKey and PersonalData:EncryptionKey must be configured.");
        _hashKey = SHA256.HashData(Encoding.UTF8.GetBytes(settings.HashKey));
        _encryptionKey = SHA256.HashData(Encoding.UTF8.GetBytes(settings.EncryptionKey));
    }

    /// <summary>Hex HMAC of the normalized identifier: equal for the same person, in every service.</summary>
    public string LookupHash(string normalizedIdentifier) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalizedIdentifier)));

    public string Encrypt(string plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var cipher = new byte[plainBytes.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_encryptionKey, tag.Length);
        aes.Encrypt(nonce, plainBytes, cipher, tag);
        return $"{Version}:{Convert.ToBase64String([.. nonce, .. tag, .. cipher])}";
    }

    public string Decrypt(string protectedValue)
    {
        if (!protectedValue.StartsWith($"{Version}:", StringComparison.Ordinal))
            throw new CryptographicException("Unknown protection format.");
        var bytes = Convert.FromBase64String(protectedValue[(Version.Length + 1)..]);
        var nonce = bytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = bytes.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var cipher = bytes.AsSpan(nonce.Length + tag.Length);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_encryptionKey, tag.Length);
        aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A valid citizen ID number as a service keeps it: a lookup hash, encrypted, and masked.</summary>
    public ProtectedIdNumber ProtectIdNumber(string validIdNumber)
    {
        var normalized = CitizenIdNumber.Normalize(validIdNumber);
        return new ProtectedIdNumber(LookupHash(normalized), Encrypt(normalized), CitizenIdNumber.Mask(normalized));
    }

    /// <summary>A phone number as a service keeps it: encrypted, and masked.</summary>
    public ProtectedPhone ProtectPhone(string phone)
    {
        var kept = PhoneNumber.Normalize(phone) ?? phone.Trim();
        return new ProtectedPhone(Encrypt(kept), Masking.Phone(kept));
    }
}
