using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Forms a volunteer team (志愿服务队) of a unit, led by one of the unit's volunteers if a leader is named.</summary>
public sealed class FormTeam(VolunteersDbContext db, TimeProvider clock) : IUseCase
{
    public abstract record Outcome
    {
        public sealed record Formed(Team Team) : Outcome;

        /// <summary>The leader named is no volunteer of the team's unit.</summary>
        public sealed record LeaderNotOfUnit : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(string name, string unitCode, Guid? leaderVolunteerId, CancellationToken cancellationToken)
    {
        if (!await db.Units.AnyAsync(u => u.Code == unitCode, cancellationToken)) throw DomainRuleException.NotFound("unit");
        if (leaderVolunteerId is { } leader
            && !await db.Volunteers.AnyAsync(v => v.Id == leader && v.UnitCode == unitCode, cancellationToken))
            return new Outcome.LeaderNotOfUnit();
        var team = new Team(name, unitCode, leaderVolunteerId, clock.GetUtcNow());
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome.Formed(team);
    }
}
