using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>A validated registration, from the API or from a CSV row.</summary>
public sealed record RegistrationInput(
    string Name, string IdNumber, string? Phone, string UnitCode, bool IsStaffOfUnit, IReadOnlyList<string> Skills,
    string? NationalVolunteerNumber);

public abstract record RegistrationOutcome
{
    public sealed record Registered(Volunteer Volunteer) : RegistrationOutcome;

    /// <summary>The same person is registered already (one person, one registration).</summary>
    public sealed record AlreadyRegistered(Guid ExistingId, string UnitCode) : RegistrationOutcome;

    public sealed record UnknownUnit(string UnitCode) : RegistrationOutcome;
}

/// <summary>
/// Registers one person under their real name (实名注册): one person, one registration, found by the ID number's keyed
/// hash; the number is kept protected and shown masked, also to the services that hear of the registration.
/// </summary>
public sealed class RegisterVolunteer(VolunteersDbContext db, PersonalDataProtector protector, TimeProvider clock) : IUseCase
{
    public async Task<RegistrationOutcome> ExecuteAsync(RegistrationInput input, CancellationToken cancellationToken)
    {
        var outcome = await AddAsync(input, clock.GetUtcNow(), cancellationToken);
        if (outcome is RegistrationOutcome.Registered) await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The registration without the save, for an import that registers a file in one transaction and saves in
    /// batches: a person earlier in the same file counts as registered.
    /// </summary>
    internal async Task<RegistrationOutcome> AddAsync(RegistrationInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var idNumber = protector.ProtectIdNumber(input.IdNumber);
        var existing = db.Volunteers.Local.FirstOrDefault(v => v.IdNumberHash == idNumber.LookupHash)
            ?? await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.IdNumberHash == idNumber.LookupHash, cancellationToken);
        if (existing is not null) return new RegistrationOutcome.AlreadyRegistered(existing.Id, existing.UnitCode);
        if (!await db.Units.AnyAsync(u => u.Code == input.UnitCode, cancellationToken))
            return new RegistrationOutcome.UnknownUnit(input.UnitCode);

        var number = $"V{CountyClock.CountyDate(now):yyyy}{await db.NextAsync(VolunteersDbContext.VolunteerNumbers, cancellationToken):D6}";
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : protector.ProtectPhone(input.Phone);
        var volunteer = new Volunteer(number, input.Name, idNumber, phone?.Encrypted, phone?.Masked, input.UnitCode, input.IsStaffOfUnit,
            input.Skills, input.NationalVolunteerNumber, now);
        db.Volunteers.Add(volunteer);
        return new RegistrationOutcome.Registered(volunteer);
    }
}
