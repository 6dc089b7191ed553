using System.Security.Cryptography;
using Civility.ServiceDefaults.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civility.UnitTests;

/// <summary>Two replicas built apart, as two pods are, read each other's protected payloads when given the same secret.</summary>
public sealed class SharedKeyRingTests
{
    private const string Secret = "a-secret-of-at-least-thirty-two-characters";

    [Fact]
    public void A_payload_protected_by_one_replica_is_read_by_another_with_the_same_secret()
    {
        using var first = Replica(Secret);
        using var second = Replica(Secret);

        var token = Protector(first).Protect("form token");

        Assert.Equal("form token", Protector(second).Unprotect(token));
    }

    [Fact]
    public void Another_secret_or_another_application_cannot_read_it()
    {
        using var first = Replica(Secret);
        using var otherSecret = Replica(Secret + "!");
        using var otherApplication = Replica(Secret, application: "another");

        var token = Protector(first).Protect("form token");

        Assert.ThrowsAny<CryptographicException>(() => Protector(otherSecret).Unprotect(token));
        Assert.ThrowsAny<CryptographicException>(() => Protector(otherApplication).Unprotect(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    public void Outside_development_a_missing_or_short_secret_stops_the_start(string? secret)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Replica(secret));
        Assert.Contains(SharedKeyRing.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_without_a_secret_each_process_keeps_its_own_keys()
    {
        using var host = Replica(null, environment: Environments.Development);
        var protector = Protector(host);
        Assert.Equal("x", protector.Unprotect(protector.Protect("x")));
    }

    private static IHost Replica(string? secret, string application = "portal", string? environment = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment ?? Environments.Production, DisableDefaults = true,
        });
        if (secret is not null) builder.Configuration[SharedKeyRing.SecretKey] = secret;
        builder.AddSharedKeyRing(application);
        return builder.Build();
    }

    private static IDataProtector Protector(IHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Civility.UnitTests");
}
