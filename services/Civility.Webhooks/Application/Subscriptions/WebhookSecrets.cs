using System.Security.Cryptography;

namespace Civility.Webhooks.Application.Subscriptions;

/// <summary>A subscription's signing secret: given by the administrator, or made here and shown once.</summary>
public static class WebhookSecrets
{
    public const int MinLength = 24, MaxLength = 200;

    /// <summary>32 random bytes, base64url, after <c>whsec_</c> (so a secret scanner recognises one left in a file).</summary>
    public static string Generate() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What is wrong with a secret an administrator gives; null when nothing is.</summary>
    public static string? Problem(string secret) =>
        secret.Length is < MinLength or > MaxLength ? $"Between {MinLength} and {MaxLength} characters (or none, to have one made)."
        : secret.Any(c => c is <= ' ' or > '~') ? "Printable ASCII characters without spaces."
        : null;
}
