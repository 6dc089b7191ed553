using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Time;

namespace Civility.VillagePairing.Endpoints;

/// <summary>The resource ledger (帮扶台账): pledges and the deliveries against them, and the pledged-vs-delivered report.</summary>
public static class LedgerApi
{
    public sealed record CreatePledgeRequest(string? Kind, string? Item, decimal? Quantity, string? Unit, DateOnly? DueDate);

    public sealed record DeliveryRequest(decimal? Quantity, DateOnly? Date, string? Evidence);

    public sealed record DeliveryResponse(Guid Id, decimal Quantity, DateOnly Date, string Evidence);

    public sealed record PledgeResponse(
        Guid Id, Guid PairingId, ResourceKind Kind, string Item, decimal Quantity, string Unit, DateOnly DueDate,
        decimal Delivered, decimal Outstanding, IReadOnlyList<DeliveryResponse> Deliveries);

    /// <summary>Totals of one kind of resource in one unit of measure.</summary>
    public sealed record LedgerLine(ResourceKind Kind, string Unit, decimal Pledged, decimal Delivered, decimal Outstanding);

    public sealed record LedgerReport(IReadOnlyList<LedgerLine> Totals, IReadOnlyList<PledgeResponse> PastDue, IReadOnlyList<PledgeResponse> Pledges);

    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/pairings/{pairingId:guid}").WithTags("Resource ledger");
        ledger.MapPost("/pledges", PledgeAsync).WithSummary("Pledge people, money (CNY) or materials").RequireScope(CivilityScopes.PairingWrite);
        ledger.MapPost("/pledges/{pledgeId:guid}/deliveries", DeliverAsync)
            .WithSummary("Record a delivery against a pledge, with evidence").RequireScope(CivilityScopes.PairingWrite);
        ledger.MapGet("/ledger", PairingLedgerAsync).WithSummary("Pledged vs delivered, and pledges past due").RequireScope(CivilityScopes.PairingRead);
        api.MapGet("/civilized-units/{id:guid}/ledger", UnitLedgerAsync).WithTags("Resource ledger")
            .WithSummary("Pledged vs delivered over all the unit's pairings").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<PledgeResponse>, ValidationProblem, NotFound>> PledgeAsync(
        Guid pairingId, CreatePledgeRequest request, PairingDbContext db, CallerContext caller, TimeProvider clock)
    {
        var v = new RequestValidator();
        var kind = v.Enum<ResourceKind>("kind", request.Kind);
        var item = v.Text("item", request.Item, 200);
        var quantity = v.Range("quantity", request.Quantity, 0.01m, 999_999_999m);
        var unit = v.Text("unit", request.Unit, 20, required: kind == ResourceKind.Materials);
        v.Check(kind != ResourceKind.Money || unit is "" or Pledge.Currency, "unit", "Money is pledged in CNY.");
        v.Check(kind != ResourceKind.People || quantity is null || quantity == decimal.Truncate(quantity.Value), "quantity", "People are counted whole.");
        var due = v.Required("dueDate", request.DueDate);
        if (!v.IsValid) return v.Problem();
        if (await PairingsApi.FindAsync(db, pairingId, caller) is not { } pairing) return TypedResults.NotFound();

        var pledge = new Pledge(pairing, kind!.Value, item, quantity!.Value, unit, due!.Value, clock.GetUtcNow());
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/pairing/pairings/{pairingId}/pledges/{pledge.Id}", ToResponse(pledge));
    }

    private static async Task<Results<Created<PledgeResponse>, ValidationProblem, NotFound>> DeliverAsync(
        Guid pairingId, Guid pledgeId, DeliveryRequest request, PairingDbContext db, CallerContext caller, TimeProvider clock)
    {
        var v = new RequestValidator();
        var quantity = v.Range("quantity", request.Quantity, 0.01m, 999_999_999m);
        var date = v.Required("date", request.Date);
        var evidence = v.Text("evidence", request.Evidence, 500);
        if (!v.IsValid) return v.Problem();
        if (await PairingsApi.FindAsync(db, pairingId, caller) is null) return TypedResults.NotFound();
        if (await db.Pledges.FirstOrDefaultAsync(p => p.Id == pledgeId && p.PairingId == pairingId) is not { } pledge)
            return TypedResults.NotFound();

        var delivery = pledge.Deliver(quantity!.Value, date!.Value, evidence, clock.GetUtcNow());
        // Two deliveries racing on one pledge: the loser must re-read what is outstanding.
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/pairing/pairings/{pairingId}/pledges/{pledgeId}/deliveries/{delivery.Id}", ToResponse(pledge));
    }

    private static async Task<Results<Ok<LedgerReport>, NotFound>> PairingLedgerAsync(
        Guid pairingId, PairingDbContext db, CallerContext caller, TimeProvider clock)
    {
        if (await PairingsApi.FindAsync(db, pairingId, caller) is null) return TypedResults.NotFound();
        var pledges = await db.Pledges.AsNoTracking().Where(p => p.PairingId == pairingId).OrderBy(p => p.DueDate).ToListAsync();
        return TypedResults.Ok(Report(pledges, clock));
    }

    private static async Task<Results<Ok<LedgerReport>, NotFound>> UnitLedgerAsync(
        Guid id, PairingDbContext db, CallerContext caller, TimeProvider clock)
    {
        if (await CivilizedUnitsApi.FindAsync(db, id, caller) is not { } unit) return TypedResults.NotFound();
        var pledges = await db.Pledges.AsNoTracking().Where(p => p.UnitCode == unit.UnitCode).OrderBy(p => p.DueDate).ToListAsync();
        return TypedResults.Ok(Report(pledges, clock));
    }

    private static LedgerReport Report(List<Pledge> pledges, TimeProvider clock)
    {
        var today = clock.CountyToday();
        var totals = pledges.GroupBy(p => (p.Kind, p.UnitOfMeasure))
            .Select(g => new LedgerLine(g.Key.Kind, g.Key.UnitOfMeasure, g.Sum(p => p.Quantity), g.Sum(p => p.Delivered), g.Sum(p => p.Outstanding)))
            .OrderBy(l => l.Kind).ThenBy(l => l.Unit).ToList();
        var pastDue = pledges.Where(p => p.DueDate < today && p.Outstanding > 0).Select(ToResponse).ToList();
        return new LedgerReport(totals, pastDue, pledges.Select(ToResponse).ToList());
    }

    private static PledgeResponse ToResponse(Pledge p) => new(
        p.Id, p.PairingId, p.Kind, p.Item, p.Quantity, p.UnitOfMeasure, p.DueDate, p.Delivered, p.Outstanding,
        p.Deliveries.OrderBy(d => d.Date).Select(d => new DeliveryResponse(d.Id, d.Quantity, d.Date, d.Evidence)).ToList());
}
