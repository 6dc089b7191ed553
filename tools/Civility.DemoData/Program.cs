using Civility.DemoData;
using Civility.ServiceDefaults.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Loads the demo data set through the gateway, once, and exits (the app host shows the resource as Finished).
// Configuration: Demo:ClientId / Demo:ClientSecret (the admin client); the gateway by service discovery
// (services:gateway:http:0, set by the app host), or Demo:GatewayUrl to run it by hand against a running stack.
var builder = Host.CreateApplicationBuilder(args);
builder.AddCountyClock(); // the stack's clock: a test may run the whole stack at another date
builder.ConfigureOpenTelemetry();
builder.Services.AddServiceDiscovery();
builder.Services.AddHttpClient("gateway", http =>
{
    http.BaseAddress = new Uri(builder.Configuration["Demo:GatewayUrl"] ?? "http://gateway");
    http.Timeout = TimeSpan.FromMinutes(2);
}).AddServiceDiscovery();

using var host = builder.Build();
await host.StartAsync();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Civility.DemoData");
var clientId = builder.Configuration["Demo:ClientId"] ?? "civility-admin";
var secret = builder.Configuration["Demo:ClientSecret"];
var exitCode = 0;
if (string.IsNullOrEmpty(secret))
{
    logger.LogError("Demo:ClientSecret is not set: the secret of {ClientId} (see .data/dev-secrets.json)", clientId);
    exitCode = 2;
}
else
{
    try
    {
        using var gateway = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("gateway");
        // The loader logs its progress and, at the end, what it created (or that the data was there already).
        await new DemoDataLoader(gateway, clientId, secret, logger, host.Services.GetRequiredService<TimeProvider>())
            .LoadAsync(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
    }
    catch (Exception ex) when (ex is DemoDataException or HttpRequestException or OperationCanceledException)
    {
        logger.LogError(ex, "The demo data could not be loaded: {Reason}", ex.Message);
        exitCode = 1;
    }
}
await host.StopAsync();
return exitCode;
