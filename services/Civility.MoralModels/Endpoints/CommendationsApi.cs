using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;

namespace Civility.MoralModels.Endpoints;

/// <summary>Commendation (表彰): honouring selected models is the "commend" transition, credit-gated.</summary>
public static class CommendationsApi
{
    public sealed record CreateCommendationRequest(string? Kind, string? Title, DateOnly? HeldOn, string? Place, List<Guid>? NominationIds);

    public sealed record CommendationResponse(Guid Id, CommendationKind Kind, string Title, DateOnly HeldOn, string Place,
        IReadOnlyList<Guid> NominationIds, string CreatedBy, DateTimeOffset CreatedAt);

    public sealed record AssistanceRequest(string? Kind, DateOnly? Date, decimal? Amount, string? Handler, string? Note);

    public sealed record AssistanceResponse(Guid Id, Guid NominationId, AssistanceKind Kind, DateOnly Date, decimal? Amount,
        string Handler, string? Note, DateTimeOffset RecordedAt);

    public static RouteGroupBuilder MapCommendationsApi(this RouteGroupBuilder api)
    {
        var commendations = api.MapGroup("/commendations").WithTags("Commendations");
        commendations.MapPost("/", CreateAsync).WithSummary("Hold a commendation: selected models become commended").RequireScope(CivilityScopes.Admin);
        commendations.MapGet("/", ListAsync).WithSummary("Commendations, newest first").RequireScope(CivilityScopes.MoralRead);
        var ledger = api.MapGroup("/nominations/{id:guid}/assistance").WithTags("Courtesy and assistance");
        ledger.MapPost("/", RecordAssistanceAsync).WithSummary("Record a visit, subsidy or medical priority for a model").RequireScope(CivilityScopes.MoralWrite);
        ledger.MapGet("/", ListAssistanceAsync).WithSummary("A model's courtesy and assistance ledger").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<CommendationResponse>, ValidationProblem>> CreateAsync(
        CreateCommendationRequest request, MoralModelsDbContext db, CallerContext caller, CreditGate gate, TimeProvider clock, CancellationToken ct)
    {
        var check = new RequestValidator();
        var kind = check.Enum<CommendationKind>("kind", request.Kind);
        var title = check.Text("title", request.Title, 200);
        var heldOn = check.Required("heldOn", request.HeldOn);
        var place = check.Text("place", request.Place, 200);
        var ids = request.NominationIds?.Distinct().ToList() ?? [];
        check.Check(ids.Count is >= 1 and <= 200, "nominationIds", "Honour 1 to 200 models.");
        if (!check.IsValid) return check.Problem();

        var actor = caller.Actor;
        var now = clock.GetUtcNow();
        var nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        if (nominations.Count != ids.Count) throw NominationViews.NotFound();
        foreach (var nomination in nominations.Where(n => n.Status != NominationStatus.Commended))
        {
            nomination.EnsureAllowed(Nomination.Commend);
            await gate.EnsureClearAsync(Nomination.Commend, nomination.IdHash, nomination.UnitCode, nomination.Id, actor, ct);
            nomination.MarkCommended(actor, title, now);
        }
        var commendation = new Commendation(kind!.Value, title, heldOn!.Value, place, ids, actor, now);
        db.Commendations.Add(commendation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/moral-models/commendations/{commendation.Id}", ToResponse(commendation));
    }

    private static async Task<Results<Ok<PagedResult<CommendationResponse>>, ValidationProblem>> ListAsync(
        MoralModelsDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var query = db.Commendations.AsNoTracking().OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.CreatedAt);
        var total = await query.LongCountAsync(ct);
        var items = await paging.Of(query).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<CommendationResponse>(items.Select(ToResponse).ToList(), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Created<AssistanceResponse>, ValidationProblem>> RecordAssistanceAsync(
        Guid id, AssistanceRequest request, MoralModelsDbContext db, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        var check = new RequestValidator();
        var kind = check.Enum<AssistanceKind>("kind", request.Kind);
        var date = check.Required("date", request.Date);
        var amount = check.Range("amount", request.Amount, 0.01m, 1_000_000m, required: false);
        var handler = check.Text("handler", request.Handler, 100);
        var note = check.OptionalText("note", request.Note, 1000);
        if (!check.IsValid) return check.Problem();

        var model = await db.LoadAsync(id, caller, ct);
        var record = new AssistanceRecord(model, kind!.Value, date!.Value, amount, handler, note, clock.GetUtcNow());
        db.Assistance.Add(record);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/moral-models/nominations/{id}/assistance/{record.Id}", ToResponse(record));
    }

    private static async Task<Results<Ok<PagedResult<AssistanceResponse>>, ValidationProblem>> ListAssistanceAsync(
        Guid id, MoralModelsDbContext db, CallerContext caller, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        if (!await db.Nominations.Visible(caller).AnyAsync(n => n.Id == id, ct)) throw NominationViews.NotFound();
        var query = db.Assistance.AsNoTracking().Where(r => r.NominationId == id).OrderByDescending(r => r.Date).ThenByDescending(r => r.RecordedAt);
        var total = await query.LongCountAsync(ct);
        var items = await paging.Of(query).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<AssistanceResponse>(items.Select(ToResponse).ToList(), paging.Page, paging.PageSize, total));
    }

    private static CommendationResponse ToResponse(Commendation c) =>
        new(c.Id, c.Kind, c.Title, c.HeldOn, c.Place, c.NominationIds, c.CreatedBy, c.CreatedAt);

    private static AssistanceResponse ToResponse(AssistanceRecord r) =>
        new(r.Id, r.NominationId, r.Kind, r.Date, r.Amount, r.Handler, r.Note, r.RecordedAt);
}
