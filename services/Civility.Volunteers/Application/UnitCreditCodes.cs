using Civility.Domain;
using Civility.Volunteers.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>One credit code, one unit: other services find a unit by it.</summary>
internal static class UnitCreditCodes
{
    /// <summary>A 409 when another unit than <paramref name="self"/> has <paramref name="creditCode"/>.</summary>
    public static async Task RefuseTakenAsync(VolunteersDbContext db, string? creditCode, Guid? self, CancellationToken cancellationToken)
    {
        if (creditCode is not null
            && await db.Units.FirstOrDefaultAsync(u => u.CreditCode == creditCode && u.Id != self, cancellationToken) is { } other)
            throw DomainRuleException.Conflict("Another unit has this credit code.",
                $"Credit code {creditCode} belongs to unit {other.Code}.");
    }
}
