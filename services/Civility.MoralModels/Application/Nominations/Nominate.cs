using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Civility.MoralModels.Application.Nominations;

/// <summary>
/// A nominee as the nominator describes them: a person by their normalized ID number, or a family by its members.
/// </summary>
public sealed record NomineeForm(NominationCategory Category, GoodPersonKind? GoodPersonKind, NomineeKind Kind, string Name,
    string? IdNumber, IReadOnlyList<string> FamilyMembers, string? FamilyMotto, string UnitCode, string Deeds);

/// <summary>The nomination, and whether the request was merged into one that existed (the nominator is now a supporter).</summary>
public sealed record NominationOutcome(Nomination Nomination, bool Merged);

/// <summary>
/// Nominates someone in a round, credit-gated. The same nominee is nominated once per round: a second nominator
/// becomes a supporter of the first nomination instead.
/// </summary>
public sealed class Nominate(
    MoralModelsDbContext db, CallerContext caller, PersonalDataProtector protector, CreditGate gate, TimeProvider clock) : IUseCase
{
    private const string NomineePerRound = "ix_nominations_round_id_nominee_key_hash";

    public async Task<NominationOutcome> ExecuteAsync(Guid roundId, NomineeForm form, CancellationToken ct)
    {
        if (caller.IsUnitScoped && !caller.MayAccessUnit(form.UnitCode))
            throw DomainRuleException.Rule("A unit nominates for its own unit only.", $"This client acts for {caller.UnitId}.");
        var round = (await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, ct)).OrNotFound("selection round");
        var now = clock.GetUtcNow();
        var person = form.IdNumber is null ? null : protector.ProtectIdNumber(form.IdNumber);
        var nominee = new Nominee(form.Kind, form.Name, person?.LookupHash, person?.Encrypted, person?.Masked, form.FamilyMembers,
            form.FamilyMotto);
        var key = person?.LookupHash ?? protector.LookupHash($"family|{form.UnitCode}|{form.Name.ToUpperInvariant()}");

        if (await MergeAsync(round.Id, key, form.Deeds, now, ct) is { } merged) return new NominationOutcome(merged, Merged: true);

        await gate.EnsureClearAsync("nominate", person?.LookupHash, form.UnitCode, null, caller.Actor, ct);
        var nomination = new Nomination(round, form.Category, form.GoodPersonKind, nominee, key, form.UnitCode, form.Deeds, caller.Actor,
            caller.UnitId, now);
        db.Nominations.Add(nomination);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: NomineePerRound,
        })
        {
            // Two nominators of the same nominee raced: the first made it, this one becomes its supporter. What this
            // request had pending (its nomination and the events it recorded) is its own, and is given up for the merge.
            db.ChangeTracker.Clear();
            return new NominationOutcome(await MergeAsync(round.Id, key, form.Deeds, now, ct)
                ?? throw DomainRuleException.Conflict("The nomination changed meanwhile; send it again."), Merged: true);
        }
        return new NominationOutcome(nomination, Merged: false);
    }

    /// <summary>
    /// Adds the nominator as a supporter of the round's existing nomination of that nominee, if there is one. A
    /// unit-scoped caller who may not see that nomination (another unit's) learns only that the nominee is already
    /// nominated in the round (409): nothing of the other unit's file, not even its id.
    /// </summary>
    private async Task<Nomination?> MergeAsync(Guid roundId, string key, string note, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Nominations.AsSplitQuery().FirstOrDefaultAsync(n => n.RoundId == roundId && n.NomineeKeyHash == key, ct);
        if (existing is null) return null;
        if (!await db.Nominations.Visible(caller).AnyAsync(n => n.Id == existing.Id, ct))
            throw DomainRuleException.Conflict("The nominee is already nominated in this round.",
                "Another unit nominated this nominee; the bureau can add your unit as a supporter.");
        existing.AddSupporter(caller.Actor, caller.UnitId, note, now);
        await db.SaveChangesAsync(ct);
        return existing;
    }
}
