using Civility.ServiceDefaults.Http;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.PersonalData;

namespace Civility.Volunteers.Endpoints;

public static class VolunteerImportApi
{
    public static RouteGroupBuilder MapVolunteerImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/import", ImportAsync).WithTags("Volunteers").RequireScope(CivilityScopes.VolunteersWrite)
            .WithBodyLimit(BodyLimits.Import)
            .Accepts<string>("text/csv")
            .WithSummary("Register volunteers in bulk from CSV")
            .WithDescription("Columns: name,id_number,phone,unit_code,is_staff,skills (skills separated by ';'). Every row is validated; good rows are registered, bad ones reported by line and reason. Sending the same file again registers nobody twice.");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest http, VolunteersDbContext db, PersonalDataProtector protector, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new List<ImportError>();
        int rows = 0, imported = 0, skipped = 0, rejected = 0;
        await using var csv = CsvFiles.Open(http.Body);
        if (await CsvFiles.MissingColumnsAsync(csv, ["name", "id_number", "unit_code"], cancellationToken) is { } missing)
            return missing;

        // One transaction for the file: a file cut off half-way (a body over the limit, a client gone, a database
        // failure) registers nobody, and sent again it registers everyone once. The body streams in only once, so
        // the strategy cannot retry it: the client sends the file again.
        var attempts = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Ok<ImportReport>, ProblemHttpResult>>(async ct =>
        {
            if (++attempts > 1) throw new InvalidOperationException("The volunteer import was interrupted by a database failure; send the file again.");
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            while (await csv.NextAsync(ct))
            {
                rows++;
                var line = (int)csv.LineNumber;
                var rowErrors = new List<ImportError>();
                string Field(string name) => CsvFiles.Field(csv, name);
                var name = Field("name");
                if (name.Length is 0 or > 100) rowErrors.Add(new(line, "name", "A name of 1 to 100 characters is required."));
                var idNumber = Field("id_number");
                if (CitizenIdNumber.Validate(idNumber) is { } idError) rowErrors.Add(new(line, "id_number", idError));
                var unitCode = VolunteerRegistration.UnitFor(caller, Field("unit_code")) ?? "";
                if (caller.IsUnitScoped && Field("unit_code") is { Length: > 0 } asked && !string.Equals(asked, caller.UnitId, StringComparison.OrdinalIgnoreCase))
                    rowErrors.Add(new(line, "unit_code", "A unit-scoped client imports volunteers of its own unit only."));
                if (unitCode.Length == 0) rowErrors.Add(new(line, "unit_code", "The unit code is required."));
                foreach (var column in new[] { "name", "phone", "unit_code", "skills" })
                    if (HostileInput.Problem(Field(column)) is { } unsafeText) rowErrors.Add(new(line, column, unsafeText));
                if (Field("phone") is { Length: > 0 } phoneText && PhoneNumber.Validate(phoneText) is { } phoneError)
                    rowErrors.Add(new(line, "phone", phoneError));
                var staffText = Field("is_staff");
                bool? isStaff = staffText.ToLowerInvariant() switch { "" or "true" or "yes" or "1" or "是" => true, "false" or "no" or "0" or "否" => false, _ => null };
                if (isStaff is null) rowErrors.Add(new(line, "is_staff", "Use true/false."));
                if (rowErrors.Count > 0)
                {
                    rejected++;
                    if (errors.Count < ImportReport.MaxListedErrors) errors.AddRange(rowErrors);
                    continue;
                }

                var skills = Field("skills").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var input = new RegistrationInput(name, CitizenIdNumber.Normalize(idNumber), PhoneNumber.Normalize(Field("phone")),
                    unitCode.ToUpperInvariant(), isStaff!.Value, skills, null);
                switch (await VolunteerRegistration.RegisterAsync(db, protector, input, now, ct))
                {
                    case RegistrationOutcome.Registered:
                        imported++;
                        break;
                    case RegistrationOutcome.AlreadyRegistered:
                        skipped++;
                        break;
                    case RegistrationOutcome.UnknownUnit unknown:
                        rejected++;
                        if (errors.Count < ImportReport.MaxListedErrors) errors.Add(new(line, "unit_code", $"Unit {unknown.UnitCode} is not registered."));
                        break;
                }
                if (imported > 0 && imported % 500 == 0) await db.SaveChangesAsync(ct);
            }
            var batch = new ImportBatch(ImportKind.Volunteers, caller.Actor, caller.UnitId, rows, imported, skipped, rejected, now);
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Ok(new ImportReport(batch.Id, rows, imported, skipped, rejected, errors));
        }, cancellationToken);
    }
}
