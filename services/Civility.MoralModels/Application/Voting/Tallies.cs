using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.MoralModels.Application.Reviews;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Voting;

/// <summary>A nomination's votes; none (null) for a reviewer who has not scored it yet (blind review, 盲评).</summary>
public sealed record Tally(Guid NominationId, string NomineeName, NominationCategory Category, long? Votes);

/// <summary>The votes of a round's nominations; the round's total only when the caller may see every tally.</summary>
public sealed record RoundTally(Guid RoundId, long? TotalVotes, PagedResult<Tally> Nominations);

public sealed class TallyNomination(MoralModelsDbContext db, CallerContext caller) : IUseCase
{
    public async Task<Tally> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var nomination = (await db.Nominations.AsNoTracking().Visible(caller).Where(n => n.Id == id)
            .Select(n => new { n.Id, n.NomineeName, n.Category, n.RoundId }).FirstOrDefaultAsync(ct)).OrNotFound("nomination");
        var hidden = await ReviewVisibility.HiddenNominationsAsync(db, caller, nomination.RoundId, ct);
        long? votes = hidden.Contains(id) ? null : await db.Votes.LongCountAsync(v => v.NominationId == id, ct);
        return new Tally(nomination.Id, nomination.NomineeName, nomination.Category, votes);
    }
}

/// <summary>Votes per nomination of a round, most first.</summary>
public sealed class TallyRound(MoralModelsDbContext db, CallerContext caller) : IUseCase
{
    public async Task<RoundTally> ExecuteAsync(Guid id, PageRequest paging, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == id, ct)) throw DomainRuleException.NotFound("selection round");
        var hidden = await ReviewVisibility.HiddenNominationsAsync(db, caller, id, ct);
        var query = db.Nominations.AsNoTracking().Visible(caller).Where(n => n.RoundId == id)
            .Select(n => new { n.Id, n.NomineeName, n.Category, Votes = db.Votes.LongCount(v => v.NominationId == n.Id) })
            .OrderByDescending(x => x.Votes).ThenBy(x => x.Id);
        var total = await query.LongCountAsync(ct);
        var rows = await paging.Of(query).ToListAsync(ct);
        var items = rows.Select(r => new Tally(r.Id, r.NomineeName, r.Category, hidden.Contains(r.Id) ? null : r.Votes)).ToList();
        long? roundVotes = hidden.Count == 0 ? await db.Votes.LongCountAsync(v => v.RoundId == id, ct) : null;
        return new RoundTally(id, roundVotes, new PagedResult<Tally>(items, paging.Page, paging.PageSize, total));
    }
}
