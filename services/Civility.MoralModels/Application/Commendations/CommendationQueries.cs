using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Commendations;

/// <summary>Commendations, the latest held first.</summary>
public sealed class ListCommendations(MoralModelsDbContext db) : IUseCase
{
    public Task<PagedResult<Commendation>> ExecuteAsync(PageRequest paging, CancellationToken ct) =>
        paging.ApplyAsync(db.Commendations.AsNoTracking().OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.CreatedAt), c => c, ct);
}

/// <summary>A model's courtesy and assistance ledger, the latest first.</summary>
public sealed class ListAssistance(MoralModelsDbContext db, CallerContext caller) : IUseCase
{
    public async Task<PagedResult<AssistanceRecord>> ExecuteAsync(Guid nominationId, PageRequest paging, CancellationToken ct)
    {
        if (!await db.Nominations.Visible(caller).AnyAsync(n => n.Id == nominationId, ct)) throw DomainRuleException.NotFound("nomination");
        var query = db.Assistance.AsNoTracking().Where(r => r.NominationId == nominationId)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.RecordedAt);
        return await paging.ApplyAsync(query, r => r, ct);
    }
}
