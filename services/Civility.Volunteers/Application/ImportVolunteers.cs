using Civility.Domain.PersonalData;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Http;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>
/// Registers the volunteers of a CSV file: every row is checked, good rows are registered as one registration would
/// (<see cref="RegisterVolunteer"/>), bad ones reported by line and reason, and someone registered before is skipped,
/// so the same file sent again registers nobody twice.
/// </summary>
public sealed class ImportVolunteers(VolunteersDbContext db, RegisterVolunteer registration, CallerContext caller, TimeProvider clock)
    : IUseCase
{
    public static readonly string[] RequiredColumns = ["name", "id_number", "unit_code"];

    /// <summary>Saves after this many registrations, so the tracker stays small however long the file.</summary>
    private const int SaveEvery = 500;

    /// <param name="csv">The file, its header read.</param>
    public async Task<ImportReport> ExecuteAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new List<ImportError>();
        int rows = 0, imported = 0, skipped = 0, rejected = 0;

        // One transaction for the file: a file cut off half-way (a body over the limit, a client gone, a database
        // failure) registers nobody, and sent again it registers everyone once. The body streams in only once, so
        // the strategy cannot retry it: the client sends the file again.
        var attempts = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (++attempts > 1)
                throw new InvalidOperationException("The volunteer import was interrupted by a database failure; send the file again.");
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            while (await csv.NextAsync(ct))
            {
                rows++;
                var line = (int)csv.LineNumber;
                var (input, rowErrors) = Check(csv, line);
                if (input is null)
                {
                    rejected++;
                    if (errors.Count < ImportReport.MaxListedErrors) errors.AddRange(rowErrors);
                    continue;
                }
                switch (await registration.AddAsync(input, now, ct))
                {
                    case RegistrationOutcome.Registered:
                        imported++;
                        break;
                    case RegistrationOutcome.AlreadyRegistered:
                        skipped++;
                        break;
                    case RegistrationOutcome.UnknownUnit unknown:
                        rejected++;
                        if (errors.Count < ImportReport.MaxListedErrors)
                            errors.Add(new(line, "unit_code", $"Unit {unknown.UnitCode} is not registered."));
                        break;
                }
                if (imported > 0 && imported % SaveEvery == 0) await db.SaveChangesAsync(ct);
            }
            var batch = new ImportBatch(ImportKind.Volunteers, caller.Actor, caller.UnitId, rows, imported, skipped, rejected, now);
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new ImportReport(batch.Id, rows, imported, skipped, rejected, errors);
        }, cancellationToken);
    }

    /// <summary>The current row as a registration, or every reason it cannot be one.</summary>
    private (RegistrationInput? Input, List<ImportError> Errors) Check(CsvReader csv, int line)
    {
        var errors = new List<ImportError>();
        string Field(string name) => csv.Field(name);
        var name = Field("name");
        if (name.Length is 0 or > 100) errors.Add(new(line, "name", "A name of 1 to 100 characters is required."));
        var idNumber = Field("id_number");
        if (CitizenIdNumber.Validate(idNumber) is { } idError) errors.Add(new(line, "id_number", idError));
        var unitCode = caller.UnitFor(Field("unit_code")) ?? "";
        if (caller.IsUnitScoped && Field("unit_code") is { Length: > 0 } asked
            && !string.Equals(asked, caller.UnitId, StringComparison.OrdinalIgnoreCase))
            errors.Add(new(line, "unit_code", "A unit-scoped client imports volunteers of its own unit only."));
        if (unitCode.Length == 0) errors.Add(new(line, "unit_code", "The unit code is required."));
        foreach (var column in new[] { "name", "phone", "unit_code", "skills" })
            if (HostileInput.Problem(Field(column)) is { } unsafeText) errors.Add(new(line, column, unsafeText));
        if (Field("phone") is { Length: > 0 } phoneText && PhoneNumber.Validate(phoneText) is { } phoneError)
            errors.Add(new(line, "phone", phoneError));
        var staffText = Field("is_staff");
        bool? isStaff = staffText.ToLowerInvariant() switch
        {
            "" or "true" or "yes" or "1" or "是" => true,
            "false" or "no" or "0" or "否" => false,
            _ => null,
        };
        if (isStaff is null) errors.Add(new(line, "is_staff", "Use true/false."));
        if (errors.Count > 0) return (null, errors);

        var skills = Field("skills").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (new RegistrationInput(name, CitizenIdNumber.Normalize(idNumber), PhoneNumber.Normalize(Field("phone")),
            unitCode.ToUpperInvariant(), isStaff!.Value, skills, null), errors);
    }
}
