using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Application.Assessments;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.VillagePairing.Endpoints;

/// <summary>Yearly assessment (年度测评) of a civilized unit: weighted indicators less the negative list.</summary>
public static class AssessmentsApi
{
    public sealed record DeductionRequest(string? Item, decimal? Points);

    public sealed record AssessRequest(int? Year, IReadOnlyList<DeductionRequest>? Deductions);

    public sealed record DeductionResponse(string Item, decimal Points);

    public sealed record AssessmentResponse(
        Guid Id, Guid CivilizedUnitId, string UnitCode, int Year, IndicatorValues Indicators,
        IReadOnlyList<DeductionResponse> Deductions, decimal Score, ProposedOutcome ProposedOutcome, string AssessedBy,
        DateTimeOffset AssessedAt);

    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/civilized-units/{id:guid}/assessments").WithTags("Dynamic management");
        assessments.MapPost("/", AssessAsync)
            .WithSummary("Assess a unit's year: score and proposed outcome").RequireScope(CivilityScopes.Admin);
        assessments.MapGet("/", ListAsync).WithSummary("A unit's assessments, latest year first").RequireScope(CivilityScopes.PairingRead);
        api.MapGet("/civilized-units/{id:guid}/indicators", IndicatorsForAsync).WithTags("Dynamic management")
            .WithSummary("A unit's indicators for a year so far (0-1 each)").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<AssessmentResponse>, ValidationProblem>> AssessAsync(
        Guid id, AssessRequest request, AssessUnit assess, CancellationToken ct)
    {
        var v = new RequestValidator();
        var year = v.Range("year", request.Year, 2000, 2100);
        var deductions = new List<Deduction>();
        var list = request.Deductions ?? [];
        v.Check(list.Count <= 50, "deductions", "At most 50 deductions.");
        for (var i = 0; i < list.Count && i < 50; i++)
        {
            var item = v.Text($"deductions[{i}].item", list[i].Item, 500);
            var points = v.Range($"deductions[{i}].points", list[i].Points, 0.5m, 100m);
            if (points is { } p) deductions.Add(new Deduction(item, p));
        }
        if (!v.IsValid) return v.Problem();
        var assessment = await assess.ExecuteAsync(id, year!.Value, deductions, ct);
        return TypedResults.Created($"/api/pairing/civilized-units/{id}/assessments/{assessment.Id}", ToResponse(assessment));
    }

    private static async Task<Results<Ok<PagedResult<AssessmentResponse>>, ValidationProblem>> ListAsync(
        Guid id, ListAssessments list, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var result = await list.ExecuteAsync(id, paging, ct);
        return TypedResults.Ok(new PagedResult<AssessmentResponse>(
            result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<IndicatorValues>, ValidationProblem>> IndicatorsForAsync(
        Guid id, int? year, UnitIndicators indicators, CancellationToken ct)
    {
        var v = new RequestValidator();
        v.Range("year", year, 2000, 2100);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(await indicators.ExecuteAsync(id, year!.Value, ct));
    }

    private static AssessmentResponse ToResponse(Assessment a) => new(
        a.Id, a.CivilizedUnitId, a.UnitCode, a.Year,
        new IndicatorValues(a.RegistrationRate, a.PerCapitaHours, a.ActivitiesHeld, a.PledgesDelivered, a.TasksDone),
        a.Deductions.Select(d => new DeductionResponse(d.Item, d.Points)).ToList(), a.Score, a.Outcome, a.AssessedBy, a.AssessedAt);
}
