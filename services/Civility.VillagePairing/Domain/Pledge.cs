using Civility.Domain;

namespace Civility.VillagePairing.Domain;

/// <summary>What a pledge promises: people (person-times), money (CNY) or materials (an item counted in a unit).</summary>
public enum ResourceKind { People, Money, Materials }

/// <summary>
/// A resource a civilized unit pledged to its paired place (帮扶承诺), with the deliveries made against it. Nothing
/// is delivered beyond what was pledged: a larger help is a new pledge.
/// </summary>
public sealed class Pledge
{
    public const string Currency = "CNY";

    private readonly List<Delivery> _deliveries = [];

    private Pledge() { }

    public Pledge(
        Pairing pairing, ResourceKind kind, string item, decimal quantity, string unitOfMeasure, DateOnly dueDate, DateTimeOffset now)
    {
        pairing.EnsureActive();
        Id = Guid.CreateVersion7();
        PairingId = pairing.Id;
        UnitCode = pairing.UnitCode;
        Kind = kind;
        Item = item;
        Quantity = quantity;
        UnitOfMeasure = kind switch { ResourceKind.Money => Currency, ResourceKind.People => "person", _ => unitOfMeasure };
        DueDate = dueDate;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PairingId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public ResourceKind Kind { get; private set; }

    /// <summary>What: "doctors for the free clinic", "road repair fund", "blood-pressure monitors".</summary>
    public string Item { get; private set; } = "";

    public decimal Quantity { get; private set; }

    /// <summary>CNY for money, person for people, the material's own unit otherwise (box, piece, kg).</summary>
    public string UnitOfMeasure { get; private set; } = "";

    public DateOnly DueDate { get; private set; }

    public decimal Delivered { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<Delivery> Deliveries => _deliveries;

    public decimal Outstanding => Quantity - Delivered;

    public Delivery Deliver(decimal quantity, DateOnly date, string evidence, DateTimeOffset now)
    {
        if (quantity > Outstanding)
            throw DomainRuleException.Rule("The delivery exceeds what is outstanding on the pledge.",
                $"Outstanding: {Outstanding} {UnitOfMeasure}; delivered now: {quantity}.",
                new Dictionary<string, object?> { ["outstanding"] = Outstanding });
        var delivery = new Delivery(quantity, date, evidence, now);
        _deliveries.Add(delivery);
        Delivered += quantity;
        return delivery;
    }
}

/// <summary>A delivery against a pledge, with its evidence (a link or a document reference).</summary>
public sealed class Delivery
{
    private Delivery() { }

    public Delivery(decimal quantity, DateOnly date, string evidence, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Quantity = quantity;
        Date = date;
        Evidence = evidence;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public decimal Quantity { get; private set; }

    public DateOnly Date { get; private set; }

    public string Evidence { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }
}
