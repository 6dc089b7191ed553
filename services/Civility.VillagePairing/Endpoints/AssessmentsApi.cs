using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Civility.Domain.Time;

namespace Civility.VillagePairing.Endpoints;

/// <summary>Yearly assessment (年度测评) of a civilized unit: weighted indicators less the negative list.</summary>
public static class AssessmentsApi
{
    public sealed record DeductionRequest(string? Item, decimal? Points);

    public sealed record AssessRequest(int? Year, IReadOnlyList<DeductionRequest>? Deductions);

    public sealed record DeductionResponse(string Item, decimal Points);

    public sealed record AssessmentResponse(
        Guid Id, Guid CivilizedUnitId, string UnitCode, int Year, IndicatorValues Indicators,
        IReadOnlyList<DeductionResponse> Deductions, decimal Score, ProposedOutcome ProposedOutcome, string AssessedBy, DateTimeOffset AssessedAt);

    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/civilized-units/{id:guid}/assessments").WithTags("Dynamic management");
        assessments.MapPost("/", AssessAsync).WithSummary("Assess a unit's year: score and proposed outcome").RequireScope(CivilityScopes.Admin);
        assessments.MapGet("/", ListAsync).WithSummary("A unit's assessments, latest year first").RequireScope(CivilityScopes.PairingRead);
        api.MapGet("/civilized-units/{id:guid}/indicators", IndicatorsForAsync).WithTags("Dynamic management")
            .WithSummary("A unit's indicators for a year so far (0-1 each)").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<AssessmentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> AssessAsync(
        Guid id, AssessRequest request, PairingDbContext db, CallerContext caller, TimeProvider clock, IOptions<AssessmentSettings> settings)
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
        if (await CivilizedUnitsApi.FindAsync(db, id, caller) is not { } unit) return TypedResults.NotFound();
        if (await db.Assessments.AnyAsync(a => a.CivilizedUnitId == id && a.Year == year))
            return TypedResults.Problem(title: "This year is already assessed.", detail: $"{unit.UnitCode} {year}", statusCode: StatusCodes.Status409Conflict);

        var values = await IndicatorsAsync(db, unit.UnitCode, year!.Value, settings.Value);
        var assessment = new Assessment(unit, year.Value, values, deductions, settings.Value, caller.Actor, clock.GetUtcNow());
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/pairing/civilized-units/{id}/assessments/{assessment.Id}", ToResponse(assessment));
    }

    private static async Task<Results<Ok<PagedResult<AssessmentResponse>>, ValidationProblem, NotFound>> ListAsync(
        Guid id, PairingDbContext db, CallerContext caller, int? page, int? pageSize)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        if (await CivilizedUnitsApi.FindAsync(db, id, caller) is null) return TypedResults.NotFound();
        var result = await paging.ApplyAsync(db.Assessments.AsNoTracking().Where(a => a.CivilizedUnitId == id).OrderByDescending(a => a.Year), a => a);
        return TypedResults.Ok(new PagedResult<AssessmentResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<IndicatorValues>, ValidationProblem, NotFound>> IndicatorsForAsync(
        Guid id, int? year, PairingDbContext db, CallerContext caller, IOptions<AssessmentSettings> settings)
    {
        var v = new RequestValidator();
        v.Range("year", year, 2000, 2100);
        if (!v.IsValid) return v.Problem();
        if (await CivilizedUnitsApi.FindAsync(db, id, caller) is not { } unit) return TypedResults.NotFound();
        return TypedResults.Ok(await IndicatorsAsync(db, unit.UnitCode, year!.Value, settings.Value));
    }

    /// <summary>
    /// The year's indicators, each 0–1: staff registered / headcount; staff hours per head / target (other volunteers'
    /// hours are not in it); completed activities /
    /// target; delivered share of the pledges due that year (none pledged counts 0: pairing means helping); tasks due
    /// that year with evidence filed by the deadline (none assigned counts 1: nothing was missed).
    /// </summary>
    internal static async Task<IndicatorValues> IndicatorsAsync(PairingDbContext db, string unitCode, int year, AssessmentSettings settings)
    {
        // The volunteer service's figures, as it last published them: its targets report says the same.
        var stats = await db.UnitYearStats.AsNoTracking().FirstOrDefaultAsync(s => s.UnitCode == unitCode && s.Year == year);
        var headcount = stats?.Headcount ?? 0;
        var registered = stats?.RegisteredStaff ?? 0;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var activities = await db.Activities.CountAsync(a => a.UnitCode == unitCode && a.Status == ActivityStatus.Completed && a.Date >= first && a.Date <= last);
        var pledges = await db.Pledges.AsNoTracking()
            .Where(p => p.UnitCode == unitCode && p.DueDate >= first && p.DueDate <= last)
            .Select(p => new { p.Quantity, p.Delivered }).ToListAsync();
        var tasks = await db.CreationTasks.AsNoTracking()
            .Where(t => t.Deadline >= first && t.Deadline <= last && t.Assignments.Any(a => a.UnitCode == unitCode)).ToListAsync();
        var assigned = tasks.Select(t => (t.Deadline, Part: t.AssignmentOf(unitCode)!)).ToList();

        return new IndicatorValues(
            RegistrationRate: Ratio(registered, headcount),
            PerCapitaHours: headcount == 0 ? 0 : Ratio(stats!.StaffHours / headcount, settings.TargetHoursPerHead),
            ActivitiesHeld: Ratio(activities, settings.TargetActivities),
            PledgesDelivered: pledges.Count == 0 ? 0 : Math.Round(pledges.Average(p => Math.Min(1, p.Delivered / p.Quantity)), 4),
            TasksDone: assigned.Count == 0 ? 1 : Ratio(assigned.Count(a => a.Part.SubmittedAt is { } at
                && CountyClock.CountyDate(at) <= a.Deadline), assigned.Count));
    }

    private static decimal Ratio(decimal part, decimal whole) => whole <= 0 ? 0 : Math.Round(Math.Min(1, part / whole), 4);

    private static AssessmentResponse ToResponse(Assessment a) => new(
        a.Id, a.CivilizedUnitId, a.UnitCode, a.Year,
        new IndicatorValues(a.RegistrationRate, a.PerCapitaHours, a.ActivitiesHeld, a.PledgesDelivered, a.TasksDone),
        a.Deductions.Select(d => new DeductionResponse(d.Item, d.Points)).ToList(), a.Score, a.Outcome, a.AssessedBy, a.AssessedAt);
}
