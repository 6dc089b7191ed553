using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class VolunteersApi
{
    public sealed record RegisterVolunteerRequest(
        string? Name, string? IdNumber, string? Phone, string? UnitCode, bool? IsStaffOfUnit, string[]? Skills,
        string? NationalVolunteerNumber);

    public sealed record ReasonRequest(string? Reason);

    public sealed record NationalNumberRequest(string? NationalVolunteerNumber);

    public static RouteGroupBuilder MapVolunteersApi(this RouteGroupBuilder api)
    {
        var volunteers = api.MapGroup("/").WithTags("Volunteers");
        volunteers.MapPost("/", RegisterAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Register a volunteer (real name, citizen ID number)")
            .WithDescription("The ID number is validated (GB 11643 check character), stored protected and shown masked. "
                + "One person, one registration: a second registration of the same number answers 409 with existingId. "
                + "A unit-scoped client registers for its own unit.");
        volunteers.MapGet("/", ListAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Volunteers, paged; filter by unit, status, skill, staff, name");
        volunteers.MapGet("/{id:guid}", GetAsync).RequireScope(CivilityScopes.VolunteersRead).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One volunteer");
        volunteers.MapPost("/{id:guid}/deactivate", DeactivateAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deactivate a volunteer with a reason (nothing is deleted)");
        volunteers.MapPost("/{id:guid}/reactivate", ReactivateAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reactivate a volunteer with a reason");
        volunteers.MapPut("/{id:guid}/national-number", SetNationalNumberAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record the volunteer's number in the national volunteer system after a sync");
        return api;
    }

    private static async Task<Results<Created<VolunteerResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterVolunteerRequest request, RegisterVolunteer registerVolunteer, CallerContext caller, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 100);
        var idNumber = check.CitizenId("idNumber", request.IdNumber);
        var phone = check.Phone("phone", request.Phone);
        var unitCode = caller.UnitFor(request.UnitCode);
        check.Check(!string.IsNullOrEmpty(unitCode), "unitCode", "This field is required.");
        check.Check(!caller.IsUnitScoped || request.UnitCode is null
            || string.Equals(request.UnitCode, caller.UnitId, StringComparison.OrdinalIgnoreCase),
            "unitCode", "A unit-scoped client registers volunteers of its own unit only.");
        var skills = (request.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        check.Check(skills.All(s => s.Length <= 50) && skills.Count <= 20, "skills", "At most 20 skills of at most 50 characters.");
        var national = check.OptionalText("nationalVolunteerNumber", request.NationalVolunteerNumber, 50);
        if (!check.IsValid) return check.Problem();

        var input = new RegistrationInput(name, idNumber!, phone, unitCode!, request.IsStaffOfUnit ?? true, skills, national);
        switch (await registerVolunteer.ExecuteAsync(input, cancellationToken))
        {
            case RegistrationOutcome.AlreadyRegistered already:
                // Only a caller who may see that volunteer learns who it is: an id is what another unit would need
                // to list someone in its activities.
                return TypedResults.Problem(title: "This person is already registered as a volunteer.",
                    detail: "One person, one registration.", statusCode: StatusCodes.Status409Conflict,
                    extensions: caller.MayAccessUnit(already.UnitCode)
                        ? new Dictionary<string, object?> { ["existingId"] = already.ExistingId }
                        : null);
            case RegistrationOutcome.UnknownUnit unknown:
                return TypedResults.Problem(title: "No such unit.", detail: $"Unit {unknown.UnitCode} is not registered.",
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            case RegistrationOutcome.Registered { Volunteer: var volunteer }:
                return TypedResults.Created($"/api/volunteers/{volunteer.Id}", VolunteerResponse.From(volunteer));
            case var other:
                throw new InvalidOperationException($"Unexpected registration outcome {other}.");
        }
    }

    private static async Task<Results<Ok<PagedResult<VolunteerResponse>>, ValidationProblem>> ListAsync(
        VolunteerQueries volunteers, string? unitCode, string? status, string? skill, bool? staff,
        string? name, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var wanted = check.Enum<VolunteerStatus>("status", status, required: false);
        if (!check.IsValid) return check.Problem();
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var result = await volunteers.PageAsync(new VolunteerFilter(unitCode, wanted, skill, staff, name), paging, cancellationToken);
        return TypedResults.Ok(new PagedResult<VolunteerResponse>([.. result.Items.Select(VolunteerResponse.From)],
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<VolunteerResponse>> GetAsync(Guid id, VolunteerQueries volunteers, CancellationToken cancellationToken) =>
        TypedResults.Ok(VolunteerResponse.From(await volunteers.OneAsync(id, cancellationToken)));

    private static async Task<Results<Ok<VolunteerResponse>, ValidationProblem>> DeactivateAsync(
        Guid id, ReasonRequest body, DeactivateVolunteer deactivateVolunteer, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(VolunteerResponse.From(await deactivateVolunteer.ExecuteAsync(id, reason, cancellationToken)));
    }

    private static async Task<Results<Ok<VolunteerResponse>, ValidationProblem>> ReactivateAsync(
        Guid id, ReasonRequest body, ReactivateVolunteer reactivateVolunteer, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(VolunteerResponse.From(await reactivateVolunteer.ExecuteAsync(id, reason, cancellationToken)));
    }

    private static async Task<Results<Ok<VolunteerResponse>, ValidationProblem>> SetNationalNumberAsync(
        Guid id, NationalNumberRequest body, SetNationalVolunteerNumber setNationalVolunteerNumber, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var number = check.Text("nationalVolunteerNumber", body.NationalVolunteerNumber, 50);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(VolunteerResponse.From(await setNationalVolunteerNumber.ExecuteAsync(id, number, cancellationToken)));
    }
}
