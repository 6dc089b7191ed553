using Civility.Contracts.Diagnostics;
using Civility.Messaging.Outbox;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Diagnostics;

/// <summary>
/// <c>POST {prefix}/diagnostics/pings</c> raises a <see cref="ServicePinged"/> through the outbox;
/// <c>GET {prefix}/diagnostics/pings/{id}</c> tells whether this service consumed that ping. Every service has both,
/// so any pair can be checked.
/// </summary>
public static class PingDiagnostics
{
    public sealed record PingRequest(string? Note);

    public sealed record PingResponse(Guid PingId, string FromService);

    public sealed record ReceivedPingResponse(Guid PingId, string FromService, string Note, DateTimeOffset ReceivedAt);

    internal static ModelBuilder AddPingDiagnostics(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedPing>(ping =>
        {
            ping.ToTable("received_pings");
            ping.HasKey(p => p.Id);
            ping.Property(p => p.Id).UseIdentityAlwaysColumn();
            ping.HasIndex(p => p.PingId).IsUnique();
            ping.Property(p => p.FromService).HasMaxLength(50);
            ping.Property(p => p.Note).HasMaxLength(200);
        });
        return modelBuilder;
    }

    public static void AddPingConsumer<TContext>(this IBusRegistrationConfigurator bus, string serviceName) where TContext : DbContext =>
        bus.AddConsumer<ServicePingedConsumer<TContext>>().Endpoint(endpoint => endpoint.Name = $"{serviceName}-service-pinged");

    public static RouteGroupBuilder MapPingDiagnostics<TContext>(this RouteGroupBuilder group, string serviceName) where TContext : DbContext
    {
        var diagnostics = group.MapGroup("/diagnostics/pings").WithTags("Diagnostics");
        diagnostics.MapPost("/", (PingRequest request, TContext db, TimeProvider clock) => RaiseAsync(request, db, clock, serviceName))
            .WithSummary("Raise a ping event through the outbox");
        diagnostics.MapGet("/{pingId:guid}", (Guid pingId, TContext db) => FindAsync(pingId, db))
            .WithSummary("Whether this service consumed a given ping");
        return diagnostics;
    }

    private static async Task<Created<PingResponse>> RaiseAsync<TContext>(PingRequest request, TContext db, TimeProvider clock, string serviceName)
        where TContext : DbContext
    {
        var note = request.Note?.Trim() is { Length: > 0 } given ? given[..Math.Min(given.Length, 200)] : "ping";
        var ping = new ServicePinged(Guid.CreateVersion7(), serviceName, note);
        db.AddIntegrationEvent(ping, clock);
        await db.SaveChangesAsync();
        return TypedResults.Created($"pings/{ping.PingId}", new PingResponse(ping.PingId, serviceName));
    }

    private static async Task<Results<Ok<ReceivedPingResponse>, NotFound>> FindAsync<TContext>(Guid pingId, TContext db)
        where TContext : DbContext =>
        await db.Set<ReceivedPing>().AsNoTracking().FirstOrDefaultAsync(p => p.PingId == pingId) is { } ping
            ? TypedResults.Ok(new ReceivedPingResponse(ping.PingId, ping.FromService, ping.Note, ping.ReceivedAt))
            : TypedResults.NotFound();
}
