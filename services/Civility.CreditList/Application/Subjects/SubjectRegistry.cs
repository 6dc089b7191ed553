using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Subjects;

internal static class SubjectRegistry
{
    /// <summary>Adds a new subject; one identifier is one subject, so a second registration is a 409 naming the first.</summary>
    public static async Task<CreditSubject> AddNewAsync(this CreditDbContext db, CreditSubject subject, CancellationToken ct)
    {
        if (await db.Subjects.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Kind == subject.Kind && s.LookupHashOrCode == subject.LookupHashOrCode, ct) is { } existing)
            throw DomainRuleException.Conflict("This identifier already belongs to a subject.", $"Existing subject: {existing.Id}",
                new Dictionary<string, object?> { ["existingId"] = existing.Id });
        db.Subjects.Add(subject);
        await db.SaveChangesAsync(ct);
        return subject;
    }
}
