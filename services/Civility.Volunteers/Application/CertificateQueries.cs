using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Issued certificates: in full to the caller who may see the volunteer's unit, and to anyone who holds one, verified.</summary>
public sealed class CertificateQueries(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    public async Task<Certificate> ByNumberAsync(string number, CancellationToken cancellationToken) =>
        caller.Visible(await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, cancellationToken),
            c => c.UnitCode, "certificate");

    /// <summary>The certificate of this number when <paramref name="code"/> is its check code; a wrong number or code is one 404.</summary>
    public async Task<Certificate> VerifiedAsync(string number, string? code, CancellationToken cancellationToken) =>
        await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, cancellationToken) is { } certificate
        && certificate.Verifies(code)
            ? certificate
            : throw DomainRuleException.NotFound("certificate");
}
