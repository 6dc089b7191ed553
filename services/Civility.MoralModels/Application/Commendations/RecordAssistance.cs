using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;

namespace Civility.MoralModels.Application.Commendations;

/// <summary>One visit, subsidy or medical priority for a commended model, as the handler reports it.</summary>
public sealed record AssistanceEntry(AssistanceKind Kind, DateOnly Date, decimal? Amount, string Handler, string? Note);

/// <summary>Adds a line to a commended model's courtesy and assistance ledger (礼遇帮扶台账).</summary>
public sealed class RecordAssistance(MoralModelsDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<AssistanceRecord> ExecuteAsync(Guid nominationId, AssistanceEntry entry, CancellationToken ct)
    {
        var model = await db.NominationAsync(nominationId, caller, ct);
        var record = new AssistanceRecord(model, entry.Kind, entry.Date, entry.Amount, entry.Handler, entry.Note, clock.GetUtcNow());
        db.Assistance.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
