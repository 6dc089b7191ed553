using Civility.Gateway;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Tokens are checked here only to know who is calling (rate limits per client); each service checks them again.
builder.AddCivilityAuthentication(audience: null);
builder.Services.AddGatewayRateLimiting(builder.Configuration);
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Gateway:MaxRequestBodyBytes", 1024L * 1024));
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseTraceIdHeader();
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapReverseProxy(proxy => proxy.UseGatewayPolicies());

app.Run();
