using Civility.Domain;

namespace Civility.MoralModels.Domain;

/// <summary>
/// A commendation event (表彰活动) honouring selected models: a meeting, an exhibition, a lecture tour, a moral lecture hall.
/// </summary>
public sealed class Commendation
{
    private Commendation() { }

    public Commendation(
        CommendationKind kind, string title, DateOnly heldOn, string place, IReadOnlyCollection<Guid> nominationIds, string actor,
        DateTimeOffset now)
    {
        if (nominationIds.Count == 0) throw DomainRuleException.Rule("A commendation honours at least one model.");
        Id = Guid.CreateVersion7();
        Kind = kind;
        Title = title;
        HeldOn = heldOn;
        Place = place;
        NominationIds = [.. nominationIds.Distinct()];
        CreatedBy = actor;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public CommendationKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly HeldOn { get; private set; }

    public string Place { get; private set; } = "";

    public List<Guid> NominationIds { get; private set; } = [];

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>One line of a model's courtesy and assistance ledger (礼遇帮扶台账); kept for good.</summary>
public sealed class AssistanceRecord
{
    private AssistanceRecord() { }

    public AssistanceRecord(
        Nomination model, AssistanceKind kind, DateOnly date, decimal? amount, string handler, string? note, DateTimeOffset now)
    {
        if (model.Status != NominationStatus.Commended)
            throw DomainRuleException.Rule("Courtesy and assistance are recorded for commended models.",
                $"This nomination is {KebabName.Of(model.Status)}.");
        if ((kind == AssistanceKind.Subsidy) != (amount is not null))
            throw DomainRuleException.Rule("A subsidy records its amount; other kinds carry none.");
        Id = Guid.CreateVersion7();
        NominationId = model.Id;
        Kind = kind;
        Date = date;
        Amount = amount;
        Handler = handler;
        Note = note;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid NominationId { get; private set; }

    public AssistanceKind Kind { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>Yuan, for a subsidy.</summary>
    public decimal? Amount { get; private set; }

    public string Handler { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
