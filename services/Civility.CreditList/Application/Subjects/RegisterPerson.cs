using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;

namespace Civility.CreditList.Application.Subjects;

/// <summary>Registers a person by citizen ID number, kept only as a lookup hash, encrypted and masked.</summary>
public sealed class RegisterPerson(CreditDbContext db, TimeProvider clock, PersonalDataProtector protector) : IUseCase
{
    public Task<CreditSubject> ExecuteAsync(string validIdNumber, string name, CancellationToken ct) =>
        db.AddNewAsync(CreditSubject.Person(protector.ProtectIdNumber(validIdNumber), name, clock.GetUtcNow()), ct);
}
