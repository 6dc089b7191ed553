using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Civility.Volunteers.Tests;

/// <summary>Real PostgreSQL and RabbitMQ for this project, and the volunteer service running on them with a clock the tests move.</summary>
public class VolunteersServiceFixture : IAsyncLifetime
{
    /// <summary>Mid-2026, so that the year's records are in the past; tests move it forward only.</summary>
    public VolunteersServiceFixture() : this(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero)) { }

    /// <summary>
    /// The same service with its clock elsewhere, for tests that must not share this one's (see <see cref="VolunteersAtYearEndFixture"/>).
    /// </summary>
    protected VolunteersServiceFixture(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public LocalServers Servers { get; } = new();

    public FakeTimeProvider Clock { get; }

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

/// <summary>
/// The volunteer service on servers of its own, its clock in the county's last hour of 2026, for the tests of the
/// county's midnight. They set the instant each needs first, back if need be; the shared service's tests live in 2026
/// and by a clock that only goes forward, so they must never see these instants.
/// </summary>
public sealed class VolunteersAtYearEndFixture() : VolunteersServiceFixture(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero))
{
    /// <summary>Sets the clock to <paramref name="instant"/>, earlier than it is or later.</summary>
    public void SetNow(DateTimeOffset instant) => Clock.AdjustTime(instant);
}

[CollectionDefinition(Name)]
public sealed class VolunteersAtYearEndCollection : ICollectionFixture<VolunteersAtYearEndFixture>
{
    public const string Name = "Volunteer service at the county's turn of the year";
}
