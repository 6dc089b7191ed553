using Aspire.Hosting.ApplicationModel;
using Civility.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.EndToEnd.Tests.Browser;

/// <summary>
/// A stack of its own for the browser tests, with the demo county loaded through the gateway (as <c>./run.sh</c> does at
/// first start), and one headless Chromium for the collection. A browser's page loads all come from this machine's one
/// address: the gateway's per-address limit is raised for them (the limits have tests of their own).
/// </summary>
public sealed class PortalStack : CivilityAppFixture, IAsyncLifetime
{
    protected override IEnumerable<string> MoreSettings =>
        ["Gateway:RateLimits:AnonymousPermits=100000", "Portal:FormLimits:PermitsPerAddress=200"];

    public DemoLoadResult Demo { get; private set; } = null!;

    public Chromium Browser { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var secret = await App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == "civility-admin-secret").GetValueAsync(timeout.Token);
        using var gateway = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Demo = await new DemoDataLoader(gateway, "civility-admin", secret!, clock: Clock).LoadAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("portal", timeout.Token); // the gateway does not wait for it
        Browser = Chromium.Start();
    }

    public new async Task DisposeAsync()
    {
        Browser?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalBrowserCollection : ICollectionFixture<PortalStack>
{
    public const string Name = "Portal in a browser";
}
