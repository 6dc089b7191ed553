using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;

namespace Civility.MoralModels.Application.Workflow;

/// <summary>
/// An admin revokes a commended model's honour with a written reason (e.g. one held off the boards by a black-listing):
/// the model leaves the boards for good, the history keeping why.
/// </summary>
public sealed class RevokeHonour(MoralModelsDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Nomination> ExecuteAsync(Guid id, string reason, CancellationToken ct)
    {
        var nomination = await db.NominationAsync(id, caller, ct);
        nomination.RevokeHonour(caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return nomination;
    }
}

/// <summary>
/// An admin puts a model held off the boards back on them, with a reason, once no listing of the model or their unit
/// is active (the credit gate decides, and keeps its decision). A lifted listing never does it by itself.
/// </summary>
public sealed class RestoreToBoards(MoralModelsDbContext db, CallerContext caller, CreditGate gate, TimeProvider clock) : IUseCase
{
    public async Task<Nomination> ExecuteAsync(Guid id, string reason, CancellationToken ct)
    {
        var nomination = await db.NominationAsync(id, caller, ct);
        nomination.EnsureAllowed(Nomination.RestoreToBoards);
        await gate.EnsureClearAsync(Nomination.RestoreToBoards, nomination.IdHash, nomination.UnitCode, nomination.Id, caller.Actor, ct);
        nomination.PutBackOnBoards(caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return nomination;
    }
}
