using Civility.CreditList.Application.Subjects;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.CreditList.Endpoints;

public static class SubjectsApi
{
    public sealed record RegisterOrganizationRequest(string? CreditCode, string? Name);

    public sealed record RegisterPersonRequest(string? IdNumber, string? Name);

    /// <summary>Identifier: an organization's credit code; a person's masked ID number.</summary>
    public sealed record SubjectResponse(Guid Id, string Kind, string Identifier, string Name, DateTimeOffset CreatedAt);

    public sealed record MeasureResponse(
        string Code, string Description, string ListType, string? Tier, IReadOnlyList<EntryReason> Because);

    public sealed record EntryReason(Guid EntryId, string ListType, string? Tier, string DecisionNumber, DateOnly PublishedUntil);

    public sealed record MeasuresResponse(Guid SubjectId, DateOnly AsOf, IReadOnlyList<MeasureResponse> Measures);

    public static RouteGroupBuilder MapSubjectsApi(this RouteGroupBuilder api)
    {
        var subjects = api.MapGroup("/subjects").WithTags("Subjects");
        subjects.MapPost("/organizations", RegisterOrganizationAsync)
            .WithSummary("Register an organization by its unified social credit code").RequireScope(CivilityScopes.CreditWrite);
        subjects.MapPost("/people", RegisterPersonAsync)
            .WithSummary("Register a person by citizen ID number (stored protected, shown masked)")
            .RequireScope(CivilityScopes.CreditWrite);
        subjects.MapGet("/{id:guid}", GetAsync).WithSummary("One subject").RequireScope(CivilityScopes.CreditInternal)
            .ProducesProblem(StatusCodes.Status404NotFound);
        subjects.MapGet("/", ListAsync).WithSummary("Subjects by name (paged)").RequireScope(CivilityScopes.CreditInternal);
        subjects.MapGet("/{id:guid}/measures", MeasuresAsync)
            .WithSummary("The incentive or punishment measures that apply now, and the entries behind them")
            .RequireScope(CivilityScopes.CreditRead).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<SubjectResponse>, ValidationProblem>> RegisterOrganizationAsync(
        RegisterOrganizationRequest request, RegisterOrganization register, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var code = validator.CreditCode("creditCode", request.CreditCode) ?? "";
        var name = validator.Text("name", request.Name, 200);
        if (!validator.IsValid) return validator.Problem();
        var subject = await register.ExecuteAsync(code, name, ct);
        return TypedResults.Created($"/api/credit/subjects/{subject.Id}", ToResponse(subject));
    }

    private static async Task<Results<Created<SubjectResponse>, ValidationProblem>> RegisterPersonAsync(
        RegisterPersonRequest request, RegisterPerson register, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var idNumber = validator.CitizenId("idNumber", request.IdNumber);
        var name = validator.Text("name", request.Name, 200);
        if (!validator.IsValid || idNumber is null) return validator.Problem();
        var subject = await register.ExecuteAsync(idNumber, name, ct);
        return TypedResults.Created($"/api/credit/subjects/{subject.Id}", ToResponse(subject));
    }

    private static async Task<Ok<SubjectResponse>> GetAsync(Guid id, GetSubject get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<PagedResult<SubjectResponse>>, ValidationProblem>> ListAsync(
        ListSubjects list, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var result = await list.ExecuteAsync(name, paging, ct);
        return TypedResults.Ok(new PagedResult<SubjectResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize,
            result.Total));
    }

    private static async Task<Ok<MeasuresResponse>> MeasuresAsync(Guid id, MeasuresInForce measures, CancellationToken ct)
    {
        var inForce = await measures.ExecuteAsync(id, ct);
        return TypedResults.Ok(new MeasuresResponse(inForce.SubjectId, inForce.AsOf, [.. inForce.Measures.Select(m =>
        {
            var first = m.Because[0];
            return new MeasureResponse(m.Measure.Code, m.Measure.Description, KebabName.Of(first.ListType), TierName(first.Tier),
                [.. m.Because.Select(e => new EntryReason(e.Id, KebabName.Of(e.ListType), TierName(e.Tier), e.DecisionNumber,
                    e.PublishedUntil))]);
        })]));
    }

    private static string? TierName(BlackTier? tier) => tier is { } t ? KebabName.Of(t) : null;

    internal static SubjectResponse ToResponse(CreditSubject subject) =>
        new(subject.Id, KebabName.Of(subject.Kind), subject.DisplayIdentifier, subject.Name, subject.CreatedAt);
}
