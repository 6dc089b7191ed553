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

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Service = await ServiceHost<Program>.StartAsync(Servers, "moral-models",
            // Tests move the clock by days: keep published outbox rows so tests can still read them.
            new Dictionary<string, string?> { ["Messaging:Outbox:Retention"] = "3650.00:00:00" },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // Token lifetimes are real time: only the domain's clock is moved.
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
            });
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MoralModelsCollection : ICollectionFixture<MoralModelsServiceFixture>
{
    public const string Name = "Moral-model service";
}
