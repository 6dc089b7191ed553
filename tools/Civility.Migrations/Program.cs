using Civility.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Applies the pending migrations of every schema whose connection string is given (ConnectionStrings__<service>),
// one schema after another, and exits 0; any failure exits 1 and the services keep waiting (they never run on a
// schema older or newer than their code expects). Safe to run again: an up-to-date schema is left as it is, and EF
// Core takes a lock on the migrations history, so two runs at once do not apply a migration twice.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Civility.Migrations");
var configuration = host.Services.GetRequiredService<IConfiguration>();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

var given = MigrationTargets.All.Where(t => configuration.GetConnectionString(t.ConnectionName) is { Length: > 0 }).ToList();
if (given.Count == 0)
{
    logger.LogError("No connection string given: set ConnectionStrings__<service> for {Services}",
        string.Join(", ", MigrationTargets.All.Select(t => t.ConnectionName)));
    return 1;
}
foreach (var target in given)
{
    try
    {
        await using var db = target.Open(configuration.GetConnectionString(target.ConnectionName)!);
        var pending = (await db.Database.GetPendingMigrationsAsync(lifetime.ApplicationStopping)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(lifetime.ApplicationStopping);
        logger.LogInformation("{Service}: {Result}", target.Service,
            pending.Count == 0 ? "up to date" : $"applied {pending.Count} migrations ({string.Join(", ", pending)})");
    }
    catch (Exception ex)
    {
        logger.LogError(ex, "{Service}: the migrations could not be applied", target.Service);
        return 1;
    }
}
return 0;
