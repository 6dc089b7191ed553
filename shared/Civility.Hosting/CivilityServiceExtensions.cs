using Civility.Data;
using Civility.Hosting.Application;
using Civility.Hosting.Audit;
using Civility.Hosting.Diagnostics;
using Civility.Hosting.Http;
using Civility.Hosting.Messaging;
using Civility.Hosting.PersonalData;
using Civility.Messaging;
using Civility.Messaging.Outbox;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civility.Hosting;

public static class CivilityServiceExtensions
{
    /// <summary>Served at /openapi/v1.json by the service; the gateway serves it as /openapi/{service}.json.</summary>
    public const string OpenApiDocumentName = "v1";

    /// <summary>
    /// Everything a Civility service shares: telemetry, health, discovery; its DbContext on its own schema; the
    /// broker with outbox and inbox (the consumers in <paramref name="consumers"/>, the service's subscription list;
    /// the domain events <paramref name="publications"/> turns into integration events); problem details. With
    /// <paramref name="pingDiagnostics"/> the service takes and answers diagnostics pings (its model adds their table).
    /// <paramref name="publishes"/> lists the integration events it publishes: their exchanges are declared at start.
    /// </summary>
    public static WebApplicationBuilder AddCivilityService<TContext>(
        this WebApplicationBuilder builder, string serviceName, string schema, IReadOnlyCollection<Type> consumers,
        Publications publications, bool pingDiagnostics = false, IReadOnlyCollection<Type>? publishes = null)
        where TContext : DbContext
    {
        builder.AddServiceDefaults();
        // The caller's address as the gateway saw it (public limits per address); only the gateway is believed.
        builder.AddTrustedProxies(TrustedProxies.Loopback);
        // 1 MiB unless an endpoint (a bulk import) raises it for itself (BodyLimits.WithBodyLimit).
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Http:MaxRequestBodyBytes", BodyLimits.Default));
        builder.AddServiceDatabase<TContext>(schema);
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.ConfigureDbContext<TContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<AuditInterceptor>()));
        builder.Services.AddUseCases(typeof(TContext).Assembly);
        builder.AddCivilityMessaging<TContext>(serviceName, consumers, publications, pingDiagnostics, publishes);
        if (pingDiagnostics) builder.Services.AddSingleton<PingDiagnosticsApi.Enabled>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<PersonalDataOptions>(builder.Configuration.GetSection("PersonalData"));
        builder.Services.AddSingleton<PersonalDataProtector>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // Numbers are numbers on the wire (the web default also reads "12" as 12, which documents every number
            // as "integer or string" and gives generated clients a union type).
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(
                new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
            json.SerializerOptions.Converters.Add(new UtcInstantJsonConverter());
            json.SerializerOptions.Converters.Add(new SafeStringJsonConverter());
            json.SerializerOptions.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
            {
                Modifiers = { NoNullElements.Modifier },
            };
        });
        // A body that cannot be bound reaches the problem handler, which names the field, in every environment.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.AddCivilityAuthentication(audience: serviceName);
        builder.Services.AddOpenApi(OpenApiDocumentName, options =>
        {
            options.AddDocumentTransformer(new ClientCredentialsSecurity($"Civility {serviceName} API"));
            options.AddDocumentTransformer(new GatewayServer(builder.Configuration["Gateway:PublicUrl"]));
            options.AddOperationTransformer(new OperationIds());
            options.AddOperationTransformer(new ProblemExamples());
        });
        return builder;
    }

    /// <summary>
    /// The service's HTTP pipeline and its API group at <c>/api/{area}</c>, with the audit trail, parked events and,
    /// where the service opted in, diagnostics pings.
    /// Every endpoint of the group needs a valid token unless it says <c>AllowAnonymous</c>; areas add scopes.
    /// </summary>
    public static RouteGroupBuilder MapCivilityApi<TContext>(this WebApplication app, string serviceName, string area)
        where TContext : DbContext
    {
        app.UseTrustedProxies();
        app.UseTraceIdHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<HostileInputMiddleware>();
        // A service that registered output caching (the credit service's public query) serves its hits from here,
        // after the trace header (so a hit names its own trace) and before authentication (a hit is anonymous).
        if (app.Services.GetService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>() is not null) app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup($"/api/{area}").RequireAuthorization();
        if (app.Services.GetService<PingDiagnosticsApi.Enabled>() is not null)
            api.MapPingDiagnostics<TContext>(serviceName).RequireScope(CivilityScopes.Admin);
        api.MapAuditApi<TContext>();
        api.MapParkedEventsApi<TContext>();
        return api;
    }

    /// <summary>Runs the service; its schema is brought up to date on start, before it takes traffic.</summary>
    public static Task RunCivilityServiceAsync(this WebApplication app) => app.RunAsync();
}
