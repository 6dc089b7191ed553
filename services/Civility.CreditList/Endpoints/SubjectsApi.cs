using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Endpoints;

public static class SubjectsApi
{
    public sealed record RegisterOrganizationRequest(string? CreditCode, string? Name);

    public sealed record SubjectResponse(Guid Id, string Kind, string Identifier, string Name, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapSubjectsApi(this RouteGroupBuilder api)
    {
        var subjects = api.MapGroup("/subjects").WithTags("Subjects");
        subjects.MapPost("/organizations", RegisterOrganizationAsync).WithSummary("Register an organization by its unified social credit code").RequireScope(CivilityScopes.CreditWrite);
        subjects.MapGet("/{id:guid}", GetAsync).WithSummary("One subject").RequireScope(CivilityScopes.CreditRead);
        return api;
    }

    private static async Task<Results<Created<SubjectResponse>, ValidationProblem, ProblemHttpResult>> RegisterOrganizationAsync(
        RegisterOrganizationRequest request, CreditDbContext db, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var code = UnifiedSocialCreditCode.Normalize(request.CreditCode ?? "");
        if (UnifiedSocialCreditCode.Validate(code) is { } codeError) errors["creditCode"] = [codeError];
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) errors["name"] = ["Name is required, at most 200 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await db.Subjects.FirstOrDefaultAsync(s => s.Kind == SubjectKind.Organization && s.Identifier == code) is { } existing)
            return TypedResults.Problem(title: "This organization is already a subject.", detail: $"Existing subject: {existing.Id}",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["existingId"] = existing.Id });

        var subject = CreditSubject.Organization(code, name, clock.GetUtcNow());
        db.Subjects.Add(subject);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/credit/subjects/{subject.Id}", ToResponse(subject));
    }

    private static async Task<Results<Ok<SubjectResponse>, NotFound>> GetAsync(Guid id, CreditDbContext db) =>
        await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is { } subject
            ? TypedResults.Ok(ToResponse(subject))
            : TypedResults.NotFound();

    private static SubjectResponse ToResponse(CreditSubject subject) =>
        new(subject.Id, subject.Kind.ToString(), subject.Identifier, subject.Name, subject.CreatedAt);
}
