using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application.Commendations;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

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
        commendations.MapPost("/", CreateAsync).WithSummary("Hold a commendation: selected models become commended")
            .RequireScope(CivilityScopes.Admin);
        commendations.MapGet("/", ListAsync).WithSummary("Commendations, newest first").RequireScope(CivilityScopes.MoralRead);
        var ledger = api.MapGroup("/nominations/{id:guid}/assistance").WithTags("Courtesy and assistance");
        ledger.MapPost("/", RecordAssistanceAsync).WithSummary("Record a visit, subsidy or medical priority for a model")
            .RequireScope(CivilityScopes.MoralWrite);
        ledger.MapGet("/", ListAssistanceAsync).WithSummary("A model's courtesy and assistance ledger")
            .RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<CommendationResponse>, ValidationProblem>> CreateAsync(
        CreateCommendationRequest request, HoldCommendation hold, CancellationToken ct)
    {
        var check = new RequestValidator();
        var kind = check.Enum<CommendationKind>("kind", request.Kind);
        var title = check.Text("title", request.Title, 200);
        var heldOn = check.Required("heldOn", request.HeldOn);
        var place = check.Text("place", request.Place, 200);
        var ids = request.NominationIds?.Distinct().ToList() ?? [];
        check.Check(ids.Count is >= 1 and <= 200, "nominationIds", "Honour 1 to 200 models.");
        if (!check.IsValid) return check.Problem();
        var commendation = await hold.ExecuteAsync(new CommendationPlan(kind!.Value, title, heldOn!.Value, place, ids), ct);
        return TypedResults.Created($"/api/moral-models/commendations/{commendation.Id}", ToResponse(commendation));
    }

    private static async Task<Results<Ok<PagedResult<CommendationResponse>>, ValidationProblem>> ListAsync(
        ListCommendations list, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var result = await list.ExecuteAsync(paging, ct);
        return TypedResults.Ok(new PagedResult<CommendationResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize,
            result.Total));
    }

    private static async Task<Results<Created<AssistanceResponse>, ValidationProblem>> RecordAssistanceAsync(
        Guid id, AssistanceRequest request, RecordAssistance record, CancellationToken ct)
    {
        var check = new RequestValidator();
        var kind = check.Enum<AssistanceKind>("kind", request.Kind);
        var date = check.Required("date", request.Date);
        var amount = check.Range("amount", request.Amount, 0.01m, 1_000_000m, required: false);
        var handler = check.Text("handler", request.Handler, 100);
        var note = check.OptionalText("note", request.Note, 1000);
        if (!check.IsValid) return check.Problem();
        var recorded = await record.ExecuteAsync(id, new AssistanceEntry(kind!.Value, date!.Value, amount, handler, note), ct);
        return TypedResults.Created($"/api/moral-models/nominations/{id}/assistance/{recorded.Id}", ToResponse(recorded));
    }

    private static async Task<Results<Ok<PagedResult<AssistanceResponse>>, ValidationProblem>> ListAssistanceAsync(
        Guid id, ListAssistance list, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var result = await list.ExecuteAsync(id, paging, ct);
        return TypedResults.Ok(new PagedResult<AssistanceResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize,
            result.Total));
    }

    private static CommendationResponse ToResponse(Commendation c) =>
        new(c.Id, c.Kind, c.Title, c.HeldOn, c.Place, c.NominationIds, c.CreatedBy, c.CreatedAt);

    private static AssistanceResponse ToResponse(AssistanceRecord r) =>
        new(r.Id, r.NominationId, r.Kind, r.Date, r.Amount, r.Handler, r.Note, r.RecordedAt);
}
