using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Civility.Volunteers.Tests;

/// <summary>Real PostgreSQL and RabbitMQ for this project, and the volunteer service running on them with a clock the tests move.</summary>
public sealed class VolunteersServiceFixture : IAsyncLifetime
{
    public LocalServers Servers { get; } = new();

    /// <summary>Mid-2026, so that the year's records are in the past; tests move it forward only.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));

    public ServiceHost<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Service = await ServiceHost<Program>.StartAsync(Servers, "volunteers",
            configureServices: services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class VolunteersCollection : ICollectionFixture<VolunteersServiceFixture>
{
    public const string Name = "Volunteer service";
}
