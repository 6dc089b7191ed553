using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting.Application;

namespace Civility.CreditList.Application.Subjects;

/// <summary>Registers an organization by its unified social credit code, which is public.</summary>
public sealed class RegisterOrganization(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public Task<CreditSubject> ExecuteAsync(string creditCode, string name, CancellationToken ct) =>
        db.AddNewAsync(CreditSubject.Organization(creditCode, name, clock.GetUtcNow()), ct);
}
