using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Time;
using Civility.Domain;

namespace Civility.CreditList.Endpoints;

public static class SubjectsApi
{
    public sealed record RegisterOrganizationRequest(string? CreditCode, string? Name);

    public sealed record RegisterPersonRequest(string? IdNumber, string? Name);

    /// <summary>Identifier: an organization's credit code; a person's masked ID number.</summary>
    public sealed record SubjectResponse(Guid Id, string Kind, string Identifier, string Name, DateTimeOffset CreatedAt);

    public sealed record MeasureResponse(string Code, string Description, string ListType, string? Tier, IReadOnlyList<EntryReason> Because);

    public sealed record EntryReason(Guid EntryId, string ListType, string? Tier, string DecisionNumber, DateOnly PublishedUntil);

    public sealed record MeasuresResponse(Guid SubjectId, DateOnly AsOf, IReadOnlyList<MeasureResponse> Measures);

    public static RouteGroupBuilder MapSubjectsApi(this RouteGroupBuilder api)
    {
        var subjects = api.MapGroup("/subjects").WithTags("Subjects");
        subjects.MapPost("/organizations", RegisterOrganizationAsync).WithSummary("Register an organization by its unified social credit code").RequireScope(CivilityScopes.CreditWrite);
        subjects.MapPost("/people", RegisterPersonAsync).WithSummary("Register a person by citizen ID number (stored protected, shown masked)").RequireScope(CivilityScopes.CreditWrite);
        subjects.MapGet("/{id:guid}", GetAsync).WithSummary("One subject").RequireScope(CivilityScopes.CreditInternal);
        subjects.MapGet("/", ListAsync).WithSummary("Subjects by name (paged)").RequireScope(CivilityScopes.CreditInternal);
        subjects.MapGet("/{id:guid}/measures", MeasuresAsync).WithSummary("The incentive or punishment measures that apply now, and the entries behind them").RequireScope(CivilityScopes.CreditRead);
        return api;
    }

    private static async Task<Results<Created<SubjectResponse>, ValidationProblem, ProblemHttpResult>> RegisterOrganizationAsync(
        RegisterOrganizationRequest request, CreditDbContext db, TimeProvider clock)
    {
        var validator = new RequestValidator();
        var code = validator.CreditCode("creditCode", request.CreditCode) ?? "";
        var name = validator.Text("name", request.Name, 200);
        if (!validator.IsValid) return validator.Problem();
        return await RegisterAsync(db, CreditSubject.Organization(code, name, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<SubjectResponse>, ValidationProblem, ProblemHttpResult>> RegisterPersonAsync(
        RegisterPersonRequest request, CreditDbContext db, TimeProvider clock, PersonalDataProtector protector)
    {
        var validator = new RequestValidator();
        var idNumber = validator.CitizenId("idNumber", request.IdNumber);
        var name = validator.Text("name", request.Name, 200);
        if (!validator.IsValid || idNumber is null) return validator.Problem();
        return await RegisterAsync(db, CreditSubject.Person(protector.ProtectIdNumber(idNumber), name, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<SubjectResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(CreditDbContext db, CreditSubject subject)
    {
        if (await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Kind == subject.Kind && s.LookupHashOrCode == subject.LookupHashOrCode) is { } existing)
            return TypedResults.Problem(title: "This identifier already belongs to a subject.", detail: $"Existing subject: {existing.Id}",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["existingId"] = existing.Id });
        db.Subjects.Add(subject);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/credit/subjects/{subject.Id}", ToResponse(subject));
    }

    private static async Task<Results<Ok<SubjectResponse>, NotFound>> GetAsync(Guid id, CreditDbContext db) =>
        await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is { } subject
            ? TypedResults.Ok(ToResponse(subject))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PagedResult<SubjectResponse>>, ValidationProblem>> ListAsync(
        CreditDbContext db, string? name, int? page, int? pageSize)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var query = db.Subjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name)) query = query.Where(s => s.Name == name.Trim());
        return TypedResults.Ok(await paging.ApplyAsync(query.OrderBy(s => s.Name).ThenBy(s => s.Id),
            s => new SubjectResponse(s.Id, s.Kind == SubjectKind.Person ? "person" : "organization", s.DisplayIdentifier, s.Name, s.CreatedAt)));
    }

    private static async Task<Results<Ok<MeasuresResponse>, NotFound>> MeasuresAsync(Guid id, CreditDbContext db, TimeProvider clock)
    {
        if (!await db.Subjects.AnyAsync(s => s.Id == id)) return TypedResults.NotFound();
        var today = clock.CountyToday();
        var inForce = await db.Entries.AsNoTracking()
            .Where(e => e.SubjectId == id && e.Status == EntryStatus.Active && e.PublishedFrom <= today && e.PublishedUntil >= today)
            .ToListAsync();
        var measures = inForce
            .SelectMany(e => MeasuresCatalogue.For(e.ListType, e.Tier).Select(m => (Measure: m, Entry: e)))
            .GroupBy(x => x.Measure.Code)
            .Select(g =>
            {
                var first = g.First();
                return new MeasureResponse(first.Measure.Code, first.Measure.Description, KebabName.Of(first.Entry.ListType), first.Entry.Tier is { } t ? KebabName.Of(t) : null,
                    g.Select(x => new EntryReason(x.Entry.Id, KebabName.Of(x.Entry.ListType), x.Entry.Tier is { } tier ? KebabName.Of(tier) : null,
                        x.Entry.DecisionNumber, x.Entry.PublishedUntil)).ToList());
            })
            .ToList();
        return TypedResults.Ok(new MeasuresResponse(id, today, measures));
    }

    internal static SubjectResponse ToResponse(CreditSubject subject) =>
        new(subject.Id, KebabName.Of(subject.Kind), subject.DisplayIdentifier, subject.Name, subject.CreatedAt);

}
