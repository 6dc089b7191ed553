using System.Collections.Concurrent;
using Civility.MoralModels.Application;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Civility.MoralModels.Tests;

/// <summary>Real PostgreSQL and RabbitMQ, and the moral-model service on them with a clock the tests move.</summary>
public sealed class MoralModelsServiceFixture : IAsyncLifetime
{
    public LocalServers Servers { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ServiceHost<Program> Service { get; private set; } = null!;

    /// <summary>The codes the service "sent" by text message, as the voter's phone would show them.</summary>
    public CapturingCodeSender Codes { get; } = new();

    /// <summary>
    /// The public limits the tests run under: small enough that a test can exceed them in a few requests, and each
    /// public client of <see cref="MoralApi.Public"/> comes from an address of its own, so tests do not share them.
    /// </summary>
    public const int VotesPerAddress = 10, CodesPerAddress = 10, ObjectionsPerAddress = 5, VotesPerNomination = 60, CodesPerNomination = 60;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Service = await ServiceHost<Program>.StartAsync(Servers, "moral-models",
            // Tests move the clock by days: keep published outbox rows so tests can still read them.
            new Dictionary<string, string?>
            {
                ["Messaging:Outbox:Retention"] = "3650.00:00:00",
                ["MoralModels:PublicLimits:Votes:PerAddress:Permits"] = $"{VotesPerAddress}",
                ["MoralModels:PublicLimits:Votes:PerNomination:Permits"] = $"{VotesPerNomination}",
                ["MoralModels:PublicLimits:VoteCodes:PerAddress:Permits"] = $"{CodesPerAddress}",
                ["MoralModels:PublicLimits:VoteCodes:PerAddress:Window"] = "00:01:00",
                ["MoralModels:PublicLimits:VoteCodes:PerNomination:Permits"] = $"{CodesPerNomination}",
                ["MoralModels:PublicLimits:Objections:PerAddress:Permits"] = $"{ObjectionsPerAddress}",
                ["MoralModels:PublicLimits:Objections:PerNomination:Permits"] = "10",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IVerificationCodeSender>(Codes);
                // Token lifetimes are real time: only the domain's clock is moved.
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
            });
    }

    /// <summary>Runs a job round now; if its scheduled round holds the lock at this instant, waits and tries again.</summary>
    public async Task RunJobAsync<T>() where T : Civility.Hosting.Jobs.SingleInstanceJob<Civility.MoralModels.Data.MoralModelsDbContext>
    {
        await Polling.UntilAsync(
            async () => await Service.Services.GetRequiredService<T>().TryRunAsync(CancellationToken.None) ? "ran" : null,
            TimeSpan.FromSeconds(10), $"{typeof(T).Name} took its lock");
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Servers.DisposeAsync();
    }
}

/// <summary>A text-message gateway that keeps the last code each phone received.</summary>
public sealed class CapturingCodeSender : IVerificationCodeSender
{
    private readonly ConcurrentDictionary<string, string> _last = new();

    public int Sent => _sent;

    private int _sent;

    public Task SendAsync(string phone, string code, TimeSpan validFor, CancellationToken cancellationToken)
    {
        _last[phone] = code;
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    }

    public string LastFor(string phone) =>
        _last.TryGetValue(phone, out var code) ? code : throw new InvalidOperationException($"No code was sent to {phone}.");
}

[CollectionDefinition(Name)]
public sealed class MoralModelsCollection : ICollectionFixture<MoralModelsServiceFixture>
{
    public const string Name = "Moral-model service";
}
