using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Nominations;

/// <summary>One nomination with its supporters and its history (every transition: who, when, why).</summary>
public sealed class GetNomination(MoralModelsDbContext db, CallerContext caller) : IUseCase
{
    public Task<Nomination> ExecuteAsync(Guid id, CancellationToken ct) => db.NominationAsync(id, caller, ct);
}

/// <summary>How a list of nominations is narrowed; every filter is optional.</summary>
public sealed record NominationFilter(Guid? RoundId, NominationStatus? Status, NominationCategory? Category);

/// <summary>Nominations the caller may see, newest first.</summary>
public sealed class ListNominations(MoralModelsDbContext db, CallerContext caller) : IUseCase
{
    public Task<PagedResult<Nomination>> ExecuteAsync(NominationFilter filter, PageRequest paging, CancellationToken ct)
    {
        var query = db.Nominations.AsNoTracking().Visible(caller);
        if (filter.RoundId is { } r) query = query.Where(n => n.RoundId == r);
        if (filter.Status is { } s) query = query.Where(n => n.Status == s);
        if (filter.Category is { } c) query = query.Where(n => n.Category == c);
        return paging.ApplyAsync(query.AsSplitQuery().OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id), n => n, ct);
    }
}
