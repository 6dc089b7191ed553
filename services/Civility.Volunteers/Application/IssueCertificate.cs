using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>
/// Issues a service-record certificate (志愿服务记录证明) for a period: the approved hours of the period are counted
/// at issue time and copied onto it, so a record voided later does not change an issued certificate.
/// </summary>
public sealed class IssueCertificate(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public const string IssuingOrganization = "County Health Bureau volunteer service";

    public async Task<Certificate> ExecuteAsync(Guid volunteerId, DateOnly from, DateOnly to, string handler, string contact,
        CancellationToken cancellationToken)
    {
        var volunteer = caller.Visible(await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, cancellationToken),
            v => v.UnitCode, "volunteer");
        var counted = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.VolunteerId == volunteerId && r.Status == ServiceRecordStatus.Approved
                && r.ServiceDate >= from && r.ServiceDate <= to)
            .GroupBy(r => r.Content)
            .Select(g => new { Content = g.Key, Hours = g.Sum(r => r.Hours), Records = g.Count() })
            .ToListAsync(cancellationToken);
        var content = string.Join("; ", counted.OrderByDescending(c => c.Hours).Select(c => $"{c.Content} ({c.Hours} h)"));
        var now = clock.GetUtcNow();
        var sequence = await db.NextAsync(VolunteersDbContext.CertificateNumbers, cancellationToken);
        var number = $"VC{CountyClock.CountyDate(now):yyyy}{sequence:D6}";
        var certificate = new Certificate(number, Certificate.NewCheckCode(), volunteer, from, to, counted.Sum(c => c.Hours),
            counted.Sum(c => c.Records), content.Length > 2000 ? content[..2000] : content, IssuingOrganization, handler, contact, now);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return certificate;
    }
}
