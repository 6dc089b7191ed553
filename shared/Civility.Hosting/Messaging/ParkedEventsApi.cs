using Civility.Messaging.Outbox;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Civility.Hosting.Messaging;

/// <summary>
/// The events the outbox relay parked (it could not publish them while it published the rest): listed with their
/// error for an administrator, and put back in line once the cause is mended (a redeploy that knows the type again,
/// a broker policy fixed). A re-queued event keeps its place in write order and its id, so consumers still apply it once.
/// </summary>
public static class ParkedEventsApi
{
    public sealed record ParkedEventResponse(Guid Id, long Sequence, string MessageType, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt,
        int Attempts, string? LastError);

    public static RouteGroupBuilder MapParkedEventsApi<TContext>(this RouteGroupBuilder api) where TContext : DbContext
    {
        var parked = api.MapGroup("/outbox/parked").WithTags("Outbox").RequireScope(CivilityScopes.Admin);
        parked.MapGet("/", ListAsync<TContext>).WithSummary("Events the outbox relay parked, oldest first, with the error");
        parked.MapPost("/{id:guid}/requeue", RequeueAsync<TContext>).WithSummary("Put a parked event back in line to be published");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<ParkedEventResponse>>, ValidationProblem>> ListAsync<TContext>(
        TContext db, int? page, int? pageSize, CancellationToken cancellationToken) where TContext : DbContext
    {
        if (PageRequest.Validate(page, pageSize) is not { } paging)
            return TypedResults.ValidationProblem(PageRequest.Errors(page, pageSize));
        var query = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.PublishedAt == null && m.ParkedAt != null).OrderBy(m => m.Sequence);
        return TypedResults.Ok(await paging.ApplyAsync(query,
            m => new ParkedEventResponse(m.Id, m.Sequence, m.MessageType, m.CreatedAt, m.ParkedAt!.Value, m.Attempts, m.LastError),
            cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> RequeueAsync<TContext>(
        Guid id, TContext db, OutboxSignal signal, CancellationToken cancellationToken) where TContext : DbContext
    {
        var requeued = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.PublishedAt == null && m.ParkedAt != null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.ParkedAt, (DateTimeOffset?)null).SetProperty(m => m.Attempts, 0), cancellationToken);
        if (requeued == 0) return TypedResults.NotFound();
        signal.Notify();
        return TypedResults.NoContent();
    }
}
