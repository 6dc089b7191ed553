using Civility.Portal.Caching;
using Civility.Portal.Services;
using Civility.ServiceDefaults.DataProtection;
using Civility.ServiceDefaults.Network;
using Microsoft.Extensions.Http.Resilience;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// The gateway in front (loopback when the app host runs everything on one machine, or Network:TrustedProxies):
// its X-Forwarded-For names the visitor; anyone else's header is ignored.
builder.AddTrustedProxies(TrustedProxies.Loopback);
// Razor Pages check the anti-forgery token of every POST; every form posts with one (the form tag helper adds it).
builder.Services.AddRazorPages();
// Chinese text written as it is, not as character references (every value is still HTML-encoded: < > & " ').
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// Every replica reads the others' anti-forgery tokens: one key ring, derived from a secret they share.
builder.AddSharedKeyRing("portal");
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "portal.af";
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.FormFieldName = "__af";
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddTransient<ForwardVisitorAddress>();
AddClient<MoralModelsClient>("MoralModels", "http://moral-models");
AddClient<CreditClient>("Credit", "http://credit");
AddClient<VolunteersClient>("Volunteers", "http://volunteers");
builder.Services.AddPortalCache(builder.Configuration);
builder.Services.AddFormLimits(builder.Configuration);
builder.AddCacheEviction();

var app = builder.Build();

app.UseTraceIdHeader();
app.UseTrustedProxies();
app.UseSecurityHeaders();
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UseStaticFiles();
// The benchmark's baseline only (bench/README.md): static copies of pages, served from a folder it names, so that a
// cached page can be compared with a plain file of the same size through the same gateway.
if (builder.Configuration["Portal:StaticBaselineDirectory"] is { Length: > 0 } baseline)
{
    app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(baseline), RequestPath = "/bench-static",
    });
}
app.UseRouting();
app.UseRateLimiter();
app.UseOutputCache();
app.MapDefaultEndpoints();
app.MapRazorPages();

app.Run();

// Each service's public endpoints, found by service discovery (Portal:Services:<name> may point elsewhere). Its POSTs
// are never retried (a vote or an objection is sent once); reads are, by the standard resilience handler.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
void AddClient<TClient>(string name, string fallback) where TClient : class =>
    builder.Services.AddHttpClient<TClient>(http =>
        {
            http.BaseAddress = new Uri(builder.Configuration[$"Portal:Services:{name}"] ?? fallback);
            http.Timeout = TimeSpan.FromSeconds(30);
        })
        .AddHttpMessageHandler<ForwardVisitorAddress>()
        .RemoveAllResilienceHandlers() // the defaults' handler, replaced by one that never retries a POST
        .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001

public partial class Program;
