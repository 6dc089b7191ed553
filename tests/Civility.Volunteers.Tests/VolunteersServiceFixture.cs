namespace Civility.Volunteers.Tests;

/// <summary>Real PostgreSQL and RabbitMQ for this project, and the volunteer service running on them.</summary>
public sealed class VolunteersServiceFixture : IAsyncLifetime
{
    public LocalServers Servers { get; } = new();

    public ServiceHost<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Service = await ServiceHost<Program>.StartAsync(Servers, "volunteers");
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
