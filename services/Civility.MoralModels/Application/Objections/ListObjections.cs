using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Objections;

/// <summary>The objections against a nomination, oldest first, resolved ones included (none is ever deleted).</summary>
public sealed class ListObjections(MoralModelsDbContext db) : IUseCase
{
    public Task<PagedResult<Objection>> ExecuteAsync(Guid nominationId, PageRequest paging, CancellationToken ct) =>
        paging.ApplyAsync(db.Objections.AsNoTracking().Where(o => o.NominationId == nominationId).OrderBy(o => o.FiledAt), o => o, ct);
}
