using Civility.Domain.Time;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Application.Ledger;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public sealed record LedgerReport(
        IReadOnlyList<LedgerLine> Totals, IReadOnlyList<PledgeResponse> PastDue, IReadOnlyList<PledgeResponse> Pledges);

    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/pairings/{pairingId:guid}").WithTags("Resource ledger");
        ledger.MapPost("/pledges", PledgeAsync)
            .WithSummary("Pledge people, money (CNY) or materials").RequireScope(CivilityScopes.PairingWrite);
        ledger.MapPost("/pledges/{pledgeId:guid}/deliveries", DeliverAsync)
            .WithSummary("Record a delivery against a pledge, with evidence").RequireScope(CivilityScopes.PairingWrite);
        ledger.MapGet("/ledger", PairingLedgerAsync)
            .WithSummary("Pledged vs delivered, and pledges past due").RequireScope(CivilityScopes.PairingRead);
        api.MapGet("/civilized-units/{id:guid}/ledger", UnitLedgerAsync).WithTags("Resource ledger")
            .WithSummary("Pledged vs delivered over all the unit's pairings").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<PledgeResponse>, ValidationProblem>> PledgeAsync(
        Guid pairingId, CreatePledgeRequest request, PledgeResources pledgeResources, CancellationToken ct)
    {
        var v = new RequestValidator();
        var kind = v.Enum<ResourceKind>("kind", request.Kind);
        var item = v.Text("item", request.Item, 200);
        var quantity = v.Range("quantity", request.Quantity, 0.01m, 999_999_999m);
        var unit = v.Text("unit", request.Unit, 20, required: kind == ResourceKind.Materials);
        v.Check(kind != ResourceKind.Money || unit is "" or Pledge.Currency, "unit", "Money is pledged in CNY.");
        v.Check(kind != ResourceKind.People || quantity is null || quantity == decimal.Truncate(quantity.Value),
            "quantity", "People are counted whole.");
        var due = v.Required("dueDate", request.DueDate);
        if (!v.IsValid) return v.Problem();
        var pledge = await pledgeResources.ExecuteAsync(pairingId, kind!.Value, item, quantity!.Value, unit, due!.Value, ct);
        return TypedResults.Created($"/api/pairing/pairings/{pairingId}/pledges/{pledge.Id}", ToResponse(pledge));
    }

    private static async Task<Results<Created<PledgeResponse>, ValidationProblem>> DeliverAsync(
        Guid pairingId, Guid pledgeId, DeliveryRequest request, RecordDelivery record, CancellationToken ct)
    {
        var v = new RequestValidator();
        var quantity = v.Range("quantity", request.Quantity, 0.01m, 999_999_999m);
        var date = v.Required("date", request.Date);
        var evidence = v.Text("evidence", request.Evidence, 500);
        if (!v.IsValid) return v.Problem();
        var (pledge, delivery) = await record.ExecuteAsync(pairingId, pledgeId, quantity!.Value, date!.Value, evidence, ct);
        return TypedResults.Created($"/api/pairing/pairings/{pairingId}/pledges/{pledgeId}/deliveries/{delivery.Id}", ToResponse(pledge));
    }

    private static async Task<Ok<LedgerReport>> PairingLedgerAsync(
        Guid pairingId, PairingLedger ledger, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Report(await ledger.ExecuteAsync(pairingId, ct), clock));

    private static async Task<Ok<LedgerReport>> UnitLedgerAsync(Guid id, UnitLedger ledger, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Report(await ledger.ExecuteAsync(id, ct), clock));

    private static LedgerReport Report(IReadOnlyList<Pledge> pledges, TimeProvider clock)
    {
        var today = clock.CountyToday();
        var totals = pledges.GroupBy(p => (p.Kind, p.UnitOfMeasure))
            .Select(g => new LedgerLine(
                g.Key.Kind, g.Key.UnitOfMeasure, g.Sum(p => p.Quantity), g.Sum(p => p.Delivered), g.Sum(p => p.Outstanding)))
            .OrderBy(l => l.Kind).ThenBy(l => l.Unit).ToList();
        var pastDue = pledges.Where(p => p.DueDate < today && p.Outstanding > 0).Select(ToResponse).ToList();
        return new LedgerReport(totals, pastDue, pledges.Select(ToResponse).ToList());
    }

    private static PledgeResponse ToResponse(Pledge p) => new(
        p.Id, p.PairingId, p.Kind, p.Item, p.Quantity, p.UnitOfMeasure, p.DueDate, p.Delivered, p.Outstanding,
        p.Deliveries.OrderBy(d => d.Date).Select(d => new DeliveryResponse(d.Id, d.Quantity, d.Date, d.Evidence)).ToList());
}
