using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Endpoints;

public static class VolunteersApi
{
    public sealed record RegisterVolunteerRequest(
        string? Name, string? IdNumber, string? Phone, string? UnitCode, bool? IsStaffOfUnit, string[]? Skills, string? NationalVolunteerNumber);

    public sealed record ReasonRequest(string? Reason);

    public sealed record NationalNumberRequest(string? NationalVolunteerNumber);

    public static RouteGroupBuilder MapVolunteersApi(this RouteGroupBuilder api)
    {
        var volunteers = api.MapGroup("/").WithTags("Volunteers");
        volunteers.MapPost("/", RegisterAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Register a volunteer (real name, citizen ID number)")
            .WithDescription("The ID number is validated (GB 11643 check character), stored protected and shown masked. One person, one registration: a second registration of the same number answers 409 with existingId. A unit-scoped client registers for its own unit.");
        volunteers.MapGet("/", ListAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Volunteers, paged; filter by unit, status, skill, staff, name");
        volunteers.MapGet("/{id:guid}", GetAsync).RequireScope(CivilityScopes.VolunteersRead).WithSummary("One volunteer");
        volunteers.MapPost("/{id:guid}/deactivate", (Guid id, ReasonRequest body, VolunteersDbContext db, CallerContext caller, TimeProvider clock) =>
            ChangeStatusAsync(id, body, db, caller, clock, activate: false))
            .RequireScope(CivilityScopes.VolunteersWrite).WithSummary("Deactivate a volunteer with a reason (nothing is deleted)");
        volunteers.MapPost("/{id:guid}/reactivate", (Guid id, ReasonRequest body, VolunteersDbContext db, CallerContext caller, TimeProvider clock) =>
            ChangeStatusAsync(id, body, db, caller, clock, activate: true))
            .RequireScope(CivilityScopes.VolunteersWrite).WithSummary("Reactivate a volunteer with a reason");
        volunteers.MapPut("/{id:guid}/national-number", SetNationalNumberAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Record the volunteer's number in the national volunteer system after a sync");
        return api;
    }

    private static async Task<Results<Created<VolunteerResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterVolunteerRequest request, VolunteersDbContext db, PersonalDataProtector protector, CallerContext caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 100);
        var idNumber = check.CitizenId("idNumber", request.IdNumber);
        var phone = check.Phone("phone", request.Phone);
        var unitCode = VolunteerRegistration.UnitFor(caller, request.UnitCode);
        check.Check(!string.IsNullOrEmpty(unitCode), "unitCode", "This field is required.");
        check.Check(!caller.IsUnitScoped || request.UnitCode is null || string.Equals(request.UnitCode, caller.UnitId, StringComparison.OrdinalIgnoreCase),
            "unitCode", "A unit-scoped client registers volunteers of its own unit only.");
        var skills = (request.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        check.Check(skills.All(s => s.Length <= 50) && skills.Count <= 20, "skills", "At most 20 skills of at most 50 characters.");
        var national = check.OptionalText("nationalVolunteerNumber", request.NationalVolunteerNumber, 50);
        if (!check.IsValid) return check.Problem();

        var input = new RegistrationInput(name, idNumber!, phone, unitCode!, request.IsStaffOfUnit ?? true, skills, national);
        var outcome = await VolunteerRegistration.RegisterAsync(db, protector, input, clock.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case RegistrationOutcome.AlreadyRegistered already:
                // Only a caller who may see that volunteer learns who it is: an id is what another unit would need
                // to list someone in its activities.
                return TypedResults.Problem(title: "This person is already registered as a volunteer.",
                    detail: "One person, one registration.", statusCode: StatusCodes.Status409Conflict,
                    extensions: caller.MayAccessUnit(already.UnitCode) ? new Dictionary<string, object?> { ["existingId"] = already.ExistingId } : null);
            case RegistrationOutcome.UnknownUnit unknown:
                return TypedResults.Problem(title: "No such unit.", detail: $"Unit {unknown.UnitCode} is not registered.",
                    statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        var volunteer = ((RegistrationOutcome.Registered)outcome).Volunteer;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteers/{volunteer.Id}", VolunteerResponse.From(volunteer));
    }

    private static async Task<Results<Ok<PagedResult<VolunteerResponse>>, ValidationProblem>> ListAsync(
        VolunteersDbContext db, CallerContext caller, string? unitCode, string? status, string? skill, bool? staff,
        string? name, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var wanted = check.Enum<VolunteerStatus>("status", status, required: false);
        if (!check.IsValid) return check.Problem();
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var query = db.Volunteers.AsNoTracking();
        if (caller.IsUnitScoped) query = query.Where(v => v.UnitCode == caller.UnitId);
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(v => v.UnitCode == unitCode);
        if (wanted is { } s) query = query.Where(v => v.Status == s);
        if (!string.IsNullOrWhiteSpace(skill)) query = query.Where(v => v.Skills.Contains(skill));
        if (staff is { } isStaff) query = query.Where(v => v.IsStaffOfUnit == isStaff);
        if (!string.IsNullOrWhiteSpace(name)) query = query.Where(v => v.Name.Contains(name));
        var result = await paging.ApplyAsync(query.OrderBy(v => v.Number), v => v, cancellationToken);
        return TypedResults.Ok(new PagedResult<VolunteerResponse>([.. result.Items.Select(VolunteerResponse.From)], result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<VolunteerResponse>, NotFound>> GetAsync(Guid id, VolunteersDbContext db, CallerContext caller, CancellationToken cancellationToken) =>
        await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) is { } volunteer && caller.MayAccessUnit(volunteer.UnitCode)
            ? TypedResults.Ok(VolunteerResponse.From(volunteer))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<VolunteerResponse>, NotFound, ValidationProblem>> ChangeStatusAsync(
        Guid id, ReasonRequest body, VolunteersDbContext db, CallerContext caller, TimeProvider clock, bool activate)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        if (await db.Volunteers.FirstOrDefaultAsync(v => v.Id == id) is not { } volunteer || !caller.MayAccessUnit(volunteer.UnitCode))
            return TypedResults.NotFound();
        var actor = caller.Actor;
        if (activate) volunteer.Reactivate(reason, actor, clock.GetUtcNow());
        else volunteer.Deactivate(reason, actor, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return TypedResults.Ok(VolunteerResponse.From(volunteer));
    }

    private static async Task<Results<Ok<VolunteerResponse>, NotFound, ValidationProblem>> SetNationalNumberAsync(
        Guid id, NationalNumberRequest body, VolunteersDbContext db, CallerContext caller)
    {
        var check = new RequestValidator();
        var number = check.Text("nationalVolunteerNumber", body.NationalVolunteerNumber, 50);
        if (!check.IsValid) return check.Problem();
        if (await db.Volunteers.FirstOrDefaultAsync(v => v.Id == id) is not { } volunteer || !caller.MayAccessUnit(volunteer.UnitCode))
            return TypedResults.NotFound();
        volunteer.SetNationalVolunteerNumber(number);
        await db.SaveChangesAsync();
        return TypedResults.Ok(VolunteerResponse.From(volunteer));
    }
}
