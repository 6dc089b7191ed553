using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Civility.Domain;

namespace Civility.MoralModels.Endpoints;

public static class NominationsApi
{
    public sealed record NominateRequest(
        Guid? RoundId, string? Category, string? GoodPersonKind, string? NomineeKind, string? NomineeName, string? IdNumber,
        List<string>? FamilyMembers, string? FamilyMotto, string? UnitCode, string? Deeds);

    public static RouteGroupBuilder MapNominationsApi(this RouteGroupBuilder api)
    {
        var nominations = api.MapGroup("/nominations").WithTags("Nominations");
        nominations.MapPost("/", NominateAsync).WithSummary("Nominate (a duplicate nominee in the round is merged)").RequireScope(CivilityScopes.MoralWrite);
        nominations.MapGet("/{id:guid}", GetAsync).WithSummary("One nomination").RequireScope(CivilityScopes.MoralRead);
        nominations.MapGet("/{id:guid}/history", HistoryAsync).WithSummary("Every transition: who, when, why").RequireScope(CivilityScopes.MoralRead);
        nominations.MapGet("/", ListAsync).WithSummary("Nominations, filtered and paged").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<NominationResponse>, Ok<NominationResponse>, ValidationProblem, NotFound>> NominateAsync(
        NominateRequest request, MoralModelsDbContext db, CallerContext caller, PersonalDataProtector protector, CreditGate gate,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var roundId = check.Required("roundId", request.RoundId);
        var category = check.Enum<NominationCategory>("category", request.Category);
        var kind = check.Enum<GoodPersonKind>("goodPersonKind", request.GoodPersonKind, required: false);
        var nomineeKind = check.Enum<NomineeKind>("nomineeKind", request.NomineeKind);
        var name = check.Text("nomineeName", request.NomineeName, 100);
        var deeds = check.Text("deeds", request.Deeds, 4000);
        var unitCode = check.Text("unitCode", request.UnitCode ?? caller.UnitId, 32).ToUpperInvariant();
        string? idNumber = null;
        var members = new List<string>();
        string? motto = null;
        if (nomineeKind == NomineeKind.Person)
            idNumber = check.CitizenId("idNumber", request.IdNumber);
        if (nomineeKind == NomineeKind.Family)
        {
            check.Check(request.IdNumber is null, "idNumber", "A family is nominated by its members, not by an ID number.");
            members = (request.FamilyMembers ?? []).Select(m => m?.Trim() ?? "").ToList();
            check.Check(members.Count is >= 1 and <= 30 && members.All(m => m.Length is > 0 and <= 100),
                "familyMembers", "A family names 1 to 30 members, each at most 100 characters.");
            motto = check.OptionalText("familyMotto", request.FamilyMotto, 500);
        }
        if (!check.IsValid) return check.Problem();
        if (caller.IsUnitScoped && !caller.MayAccessUnit(unitCode))
            throw DomainRuleException.Rule("A unit nominates for its own unit only.", $"This client acts for {caller.UnitId}.");

        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var actor = caller.Actor;
        var person = idNumber is null ? null : protector.ProtectIdNumber(idNumber);
        var nominee = new Nominee(nomineeKind!.Value, name, person?.LookupHash, person?.Encrypted, person?.Masked, members, motto);
        var key = person?.LookupHash ?? protector.LookupHash($"family|{unitCode}|{name.ToUpperInvariant()}");

        if (await MergeAsync(db, round.Id, key, actor, caller, deeds, now, cancellationToken) is { } merged)
            return TypedResults.Ok(merged);

        await gate.EnsureClearAsync("nominate", person?.LookupHash, unitCode, null, actor, cancellationToken);
        var nomination = new Nomination(round, category!.Value, kind, nominee, key, unitCode, deeds, actor, caller.UnitId, now);
        db.Nominations.Add(nomination);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: NomineePerRound })
        {
            // Two nominators of the same nominee raced: the first made it, this one becomes its supporter.
            db.ChangeTracker.Clear();
            return TypedResults.Ok(await MergeAsync(db, round.Id, key, actor, caller, deeds, now, cancellationToken)
                ?? throw DomainRuleException.Conflict("The nomination changed meanwhile; send it again."));
        }
        return TypedResults.Created($"/api/moral-models/nominations/{nomination.Id}", NominationViews.ToResponse(nomination));
    }

    private const string NomineePerRound = "ix_nominations_round_id_nominee_key_hash";

    /// <summary>
    /// Adds the nominator as a supporter of the round's existing nomination of that nominee, if there is one. A
    /// unit-scoped caller who may not see that nomination (another unit's) learns only that the nominee is already
    /// nominated in the round (409): nothing of the other unit's file, not even its id.
    /// </summary>
    private static async Task<NominationResponse?> MergeAsync(MoralModelsDbContext db, Guid roundId, string key, string actor, CallerContext caller,
        string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Nominations.AsSplitQuery().FirstOrDefaultAsync(n => n.RoundId == roundId && n.NomineeKeyHash == key, cancellationToken);
        if (existing is null) return null;
        if (!await db.Nominations.Visible(caller).AnyAsync(n => n.Id == existing.Id, cancellationToken))
            throw DomainRuleException.Conflict("The nominee is already nominated in this round.",
                "Another unit nominated this nominee; the bureau can add your unit as a supporter.");
        existing.AddSupporter(actor, caller.UnitId, note, now);
        await db.SaveChangesAsync(cancellationToken);
        return NominationViews.ToResponse(existing, merged: true);
    }

    private static async Task<Ok<NominationResponse>> GetAsync(Guid id, MoralModelsDbContext db, CallerContext caller, CancellationToken cancellationToken) =>
        TypedResults.Ok(NominationViews.ToResponse(await db.LoadAsync(id, caller, cancellationToken)));

    private static async Task<Ok<List<TransitionResponse>>> HistoryAsync(Guid id, MoralModelsDbContext db, CallerContext caller, CancellationToken cancellationToken)
    {
        var nomination = await db.LoadAsync(id, caller, cancellationToken);
        return TypedResults.Ok(nomination.Transitions.OrderBy(t => t.Id)
            .Select(t => new TransitionResponse(t.From, t.To, t.Action, t.Actor, t.At, t.Reason, t.ListingEntryId)).ToList());
    }

    private static async Task<Results<Ok<PagedResult<NominationResponse>>, ValidationProblem>> ListAsync(
        MoralModelsDbContext db, CallerContext caller, Guid? roundId, string? status, string? category, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var statusFilter = check.Enum<NominationStatus>("status", status, required: false);
        var categoryFilter = check.Enum<NominationCategory>("category", category, required: false);
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();

        var query = db.Nominations.AsNoTracking().Visible(caller);
        if (roundId is { } r) query = query.Where(n => n.RoundId == r);
        if (statusFilter is { } s) query = query.Where(n => n.Status == s);
        if (categoryFilter is { } c) query = query.Where(n => n.Category == c);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await paging.Of(query.AsSplitQuery().OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<NominationResponse>(
            items.Select(n => NominationViews.ToResponse(n)).ToList(), paging.Page, paging.PageSize, total));
    }
}
