using Civility.Gateway;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Network;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Tokens are checked here only to know who is calling (rate limits per client); each service checks them again.
builder.AddCivilityAuthentication(audience: null);
builder.Services.AddGatewayRateLimiting(builder.Configuration);
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();
// X-Forwarded-For only from the proxies in front of the gateway that the county lists (none by default).
builder.AddTrustedProxies();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Gateway:MaxRequestBodyBytes", 1024L * 1024));
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseTraceIdHeader();
app.UseTrustedProxies();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.Use(app.Services.GetRequiredService<TokenRequests>().ReadClientIdAsync);
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapUnknownApiPaths(); // everything else goes to the portal (lowest-priority route)
app.MapReverseProxy(proxy => proxy.UseGatewayPolicies());

app.Run();
