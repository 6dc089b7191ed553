using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Rounds;

public sealed class GetRound(MoralModelsDbContext db) : IUseCase
{
    public async Task<SelectionRound> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)).OrNotFound("selection round");
}

/// <summary>Selection rounds, newest first, of one year or all.</summary>
public sealed class ListRounds(MoralModelsDbContext db) : IUseCase
{
    public Task<PagedResult<SelectionRound>> ExecuteAsync(int? year, PageRequest paging, CancellationToken ct)
    {
        var query = db.Rounds.AsNoTracking();
        if (year is { } y) query = query.Where(r => r.Year == y);
        return paging.ApplyAsync(query.OrderByDescending(r => r.CreatedAt), r => r, ct);
    }
}
