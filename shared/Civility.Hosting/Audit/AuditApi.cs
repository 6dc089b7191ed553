using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Civility.Hosting.Audit;

public static class AuditApi
{
    public sealed record AuditRecordResponse(
        long Id, DateTimeOffset OccurredAt, string ClientId, string? UnitId, string Entity, string EntityId,
        string Action, string Summary, string? TraceId);

    /// <summary><c>GET {api}/audit</c>: the service's audit trail, newest first, for admins only.</summary>
    public static RouteGroupBuilder MapAuditApi<TContext>(this RouteGroupBuilder api) where TContext : DbContext
    {
        api.MapGet("/audit", ListAsync<TContext>)
            .WithTags("Audit")
            .WithSummary("The audit trail of this service")
            .WithDescription("Every write: who (client, unit), what (entity, id, action, masked summary), when, trace id. "
                + "Filter by entity, entityId, clientId and a time range; paged.")
            .RequireScope(CivilityScopes.Admin);
        return api;
    }

    private static async Task<Results<Ok<PagedResult<AuditRecordResponse>>, ValidationProblem>> ListAsync<TContext>(
        TContext db, string? entity, string? entityId, string? clientId, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize) where TContext : DbContext
    {
        if (PageRequest.Validate(page, pageSize) is not { } paging)
            return TypedResults.ValidationProblem(PageRequest.Errors(page, pageSize));
        var query = db.Set<AuditRecord>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity)) query = query.Where(a => a.Entity == entity);
        if (!string.IsNullOrWhiteSpace(entityId)) query = query.Where(a => a.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(clientId)) query = query.Where(a => a.ClientId == clientId);
        if (from is { } since) query = query.Where(a => a.OccurredAt >= since);
        if (to is { } until) query = query.Where(a => a.OccurredAt < until);
        return TypedResults.Ok(await paging.ApplyAsync(query.OrderByDescending(a => a.Id),
            a => new AuditRecordResponse(a.Id, a.OccurredAt, a.ClientId, a.UnitId, a.Entity, a.EntityId, a.Action, a.Summary, a.TraceId)));
    }
}
