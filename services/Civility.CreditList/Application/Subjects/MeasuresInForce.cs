using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Subjects;

/// <summary>A measure that applies, and the entries in force that bring it (the first one names its list and tier).</summary>
public sealed record MeasureInForce(Measure Measure, IReadOnlyList<ListEntry> Because);

public sealed record SubjectMeasures(Guid SubjectId, DateOnly AsOf, IReadOnlyList<MeasureInForce> Measures);

/// <summary>
/// The incentive (守信激励) or punishment (失信惩戒) measures other systems apply to a subject today, each once
/// however many entries bring it.
/// </summary>
public sealed class MeasuresInForce(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<SubjectMeasures> ExecuteAsync(Guid subjectId, CancellationToken ct)
    {
        if (!await db.Subjects.AnyAsync(s => s.Id == subjectId, ct)) throw DomainRuleException.NotFound("subject");
        var today = clock.CountyToday();
        var inForce = await db.Entries.AsNoTracking()
            .Where(e => e.SubjectId == subjectId && e.Status == EntryStatus.Active && e.PublishedFrom <= today && e.PublishedUntil >= today)
            .ToListAsync(ct);
        var measures = inForce
            .SelectMany(e => MeasuresCatalogue.For(e.ListType, e.Tier).Select(m => (Measure: m, Entry: e)))
            .GroupBy(x => x.Measure.Code)
            .Select(g => new MeasureInForce(g.First().Measure, g.Select(x => x.Entry).ToList()))
            .ToList();
        return new SubjectMeasures(subjectId, today, measures);
    }
}
