using System.Text.RegularExpressions;
using Civility.Contracts.Diagnostics;
using Civility.Messaging.Diagnostics;
using Civility.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Civility.Hosting.Diagnostics;

/// <summary>
/// <c>POST {prefix}/diagnostics/pings</c> raises pings (<see cref="ServicePinged"/>) through the outbox, to one service
/// or to all; <c>GET {prefix}/diagnostics/pings/{id}</c> tells whether this service consumed that ping. A service that
/// opts in (<c>pingDiagnostics: true</c>) has both, so any pair can be checked, and a burst of pings measures the
/// event path (see bench/).
/// </summary>
public static partial class PingDiagnosticsApi
{
    /// <summary>Registered when the service opted in.</summary>
    public sealed class Enabled;

    /// <summary>At most this many pings in one request (one transaction).</summary>
    public const int MaxCount = 1000;

    public sealed record PingRequest(string? Note, string? To = null, int? Count = null);

    /// <summary><c>PingId</c> is the first of <c>PingIds</c> (the only one unless a count was asked for).</summary>
    public sealed record PingResponse(Guid PingId, string FromService, string To, IReadOnlyList<Guid> PingIds);

    public sealed record ReceivedPingResponse(Guid PingId, string FromService, string Note, DateTimeOffset ReceivedAt);

    public static RouteGroupBuilder MapPingDiagnostics<TContext>(this RouteGroupBuilder group, string serviceName)
        where TContext : DbContext
    {
        var diagnostics = group.MapGroup("/diagnostics/pings").WithTags("Diagnostics");
        diagnostics.MapPost("/", (PingRequest request, TContext db, TimeProvider clock) => RaiseAsync(request, db, clock, serviceName))
            .WithSummary("Raise ping events through the outbox")
            .WithDescription("To one service (`to`: its name, e.g. `pairing`) "
                + $"or to every service (`to` left out or `{ServicePinged.Everyone}`); "
                + $"`count` pings (1–{MaxCount}, default 1) in one transaction.");
        diagnostics.MapGet("/{pingId:guid}", (Guid pingId, TContext db) => FindAsync(pingId, db))
            .WithSummary("Whether this service consumed a given ping");
        return diagnostics;
    }

    private static async Task<Results<Created<PingResponse>, ValidationProblem>> RaiseAsync<TContext>(
        PingRequest request, TContext db, TimeProvider clock, string serviceName)
        where TContext : DbContext
    {
        var errors = new Dictionary<string, string[]>();
        var to = request.To?.Trim() is { Length: > 0 } named ? named : ServicePinged.Everyone;
        if (!ServiceName().IsMatch(to)) errors["to"] = ["A service name (lower-case letters, digits and hyphens, at most 50) or 'all'."];
        var count = request.Count ?? 1;
        if (count is < 1 or > MaxCount) errors["count"] = [$"From 1 to {MaxCount}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var note = request.Note?.Trim() is { Length: > 0 } given ? given[..Math.Min(given.Length, 200)] : "ping";
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var ping = new ServicePinged(Guid.CreateVersion7(), serviceName, note, to);
            db.AddIntegrationEvent(ping, clock);
            ids.Add(ping.PingId);
        }
        await db.SaveChangesAsync();
        return TypedResults.Created($"pings/{ids[0]}", new PingResponse(ids[0], serviceName, to, ids));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex ServiceName();

    private static async Task<Results<Ok<ReceivedPingResponse>, NotFound>> FindAsync<TContext>(Guid pingId, TContext db)
        where TContext : DbContext =>
        await db.Set<ReceivedPing>().AsNoTracking().FirstOrDefaultAsync(p => p.PingId == pingId) is { } ping
            ? TypedResults.Ok(new ReceivedPingResponse(ping.PingId, ping.FromService, ping.Note, ping.ReceivedAt))
            : TypedResults.NotFound();
}
