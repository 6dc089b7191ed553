using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Time;

namespace Civility.Volunteers.Endpoints;

/// <summary>A validated registration, from the API or from a CSV row.</summary>
public sealed record RegistrationInput(
    string Name, string IdNumber, string? Phone, string UnitCode, bool IsStaffOfUnit, IReadOnlyList<string> Skills, string? NationalVolunteerNumber);

public abstract record RegistrationOutcome
{
    public sealed record Registered(Volunteer Volunteer) : RegistrationOutcome;

    /// <summary>The same person is registered already (one person, one registration).</summary>
    public sealed record AlreadyRegistered(Guid ExistingId, string UnitCode) : RegistrationOutcome;

    public sealed record UnknownUnit(string UnitCode) : RegistrationOutcome;
}

internal static class VolunteerRegistration
{
    /// <summary>
    /// Registers one person (not yet saved: the caller saves, so a CSV import can save a batch at once); the
    /// volunteer records its registration, announced with the masked number only.
    /// </summary>
    public static async Task<RegistrationOutcome> RegisterAsync(
        VolunteersDbContext db, PersonalDataProtector protector, RegistrationInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var idNumber = protector.ProtectIdNumber(input.IdNumber);
        var existing = db.Volunteers.Local.FirstOrDefault(v => v.IdNumberHash == idNumber.LookupHash)
            ?? await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.IdNumberHash == idNumber.LookupHash, cancellationToken);
        if (existing is not null) return new RegistrationOutcome.AlreadyRegistered(existing.Id, existing.UnitCode);
        if (!await db.Units.AnyAsync(u => u.Code == input.UnitCode, cancellationToken)) return new RegistrationOutcome.UnknownUnit(input.UnitCode);

        var number = $"V{CountyClock.CountyDate(now):yyyy}{await db.NextAsync(VolunteersDbContext.VolunteerNumbers, cancellationToken):D6}";
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : protector.ProtectPhone(input.Phone);
        var volunteer = new Volunteer(number, input.Name, idNumber, phone?.Encrypted, phone?.Masked, input.UnitCode, input.IsStaffOfUnit, input.Skills, input.NationalVolunteerNumber, now);
        db.Volunteers.Add(volunteer);
        return new RegistrationOutcome.Registered(volunteer);
    }

    /// <summary>The unit a registration goes to: a unit-scoped client's own unit, whatever it asked.</summary>
    public static string? UnitFor(CallerContext caller, string? requested) =>
        caller.IsUnitScoped ? caller.UnitId : requested?.Trim();
}
