using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;

namespace Civility.MoralModels.Application.Workflow;

/// <summary>In publicity → selected, once the publicity window has closed.</summary>
public sealed class SelectNominee(MoralModelsDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Nomination> ExecuteAsync(Guid id, string? reason, CancellationToken ct)
    {
        var nomination = await db.NominationAsync(id, caller, ct);
        nomination.MarkSelected(caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return nomination;
    }
}
