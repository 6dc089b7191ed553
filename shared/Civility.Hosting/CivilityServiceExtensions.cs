using System.Reflection;
using Civility.Data;
using Civility.Messaging;
using Civility.Messaging.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Civility.Hosting;

public static class CivilityServiceExtensions
{
    /// <summary>
    /// Everything a Civility service shares: telemetry, health, discovery; its DbContext on its own schema; the
    /// broker with outbox and inbox (consumers found in <paramref name="consumersFrom"/>); problem details.
    /// </summary>
    public static WebApplicationBuilder AddCivilityService<TContext>(
        this WebApplicationBuilder builder, string serviceName, string schema, Assembly consumersFrom)
        where TContext : DbContext
    {
        builder.AddServiceDefaults();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddServiceDatabase<TContext>(schema);
        builder.AddCivilityMessaging<TContext>(serviceName, consumersFrom);
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// The service's HTTP pipeline and its API group at <c>/api/{area}</c>, with the diagnostics every service has.
    /// </summary>
    public static RouteGroupBuilder MapCivilityApi<TContext>(this WebApplication app, string serviceName, string area)
        where TContext : DbContext
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapDefaultEndpoints();
        return app.MapGroup($"/api/{area}").MapPingDiagnostics<TContext>(serviceName);
    }

    /// <summary>Brings the schema up to date, then takes traffic.</summary>
    public static async Task RunCivilityServiceAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        await app.MigrateDatabaseAsync<TContext>();
        await app.RunAsync();
    }
}
