namespace Civility.VillagePairing.Domain;

public enum ProposedOutcome { Retain, Rectify, Revoke }

/// <summary>The measured indicators of a unit for a year, each a ratio from 0 to 1 before weighting.</summary>
public sealed record IndicatorValues(
    decimal RegistrationRate, decimal PerCapitaHours, decimal ActivitiesHeld, decimal PledgesDelivered, decimal TasksDone);

/// <summary>How a year's assessment weighs its indicators and where the outcome thresholds lie (configurable).</summary>
public sealed class AssessmentSettings
{
    public decimal RegistrationRateWeight { get; set; } = 25;
    public decimal PerCapitaHoursWeight { get; set; } = 25;
    public decimal ActivitiesHeldWeight { get; set; } = 20;
    public decimal PledgesDeliveredWeight { get; set; } = 15;
    public decimal TasksDoneWeight { get; set; } = 15;

    /// <summary>Hours per head per year that count as full marks (the programme's 48 h).</summary>
    public decimal TargetHoursPerHead { get; set; } = 48;

    /// <summary>Completed pairing activities per year that count as full marks.</summary>
    public int TargetActivities { get; set; } = 4;

    public decimal RetainFrom { get; set; } = 80;
    public decimal RectifyFrom { get; set; } = 60;

    /// <summary>Score out of 100: weighted indicators, less the negative list; a veto proposes revocation whatever the score.</summary>
    public (decimal Score, ProposedOutcome Outcome) Score(IndicatorValues values, IEnumerable<Deduction> deductions, bool vetoed)
    {
        var weights = RegistrationRateWeight + PerCapitaHoursWeight + ActivitiesHeldWeight + PledgesDeliveredWeight + TasksDoneWeight;
        var weighted = weights == 0 ? 0 :
            (values.RegistrationRate * RegistrationRateWeight + values.PerCapitaHours * PerCapitaHoursWeight
             + values.ActivitiesHeld * ActivitiesHeldWeight + values.PledgesDelivered * PledgesDeliveredWeight
             + values.TasksDone * TasksDoneWeight) * 100 / weights;
        var score = Math.Max(0, Math.Round(weighted - deductions.Sum(d => d.Points), 2));
        var outcome = vetoed ? ProposedOutcome.Revoke
            : score >= RetainFrom ? ProposedOutcome.Retain
            : score >= RectifyFrom ? ProposedOutcome.Rectify
            : ProposedOutcome.Revoke;
        return (score, outcome);
    }
}

/// <summary>An item of the negative list (负面清单) and the points it costs.</summary>
public sealed class Deduction
{
    private Deduction() { }

    public Deduction(string item, decimal points)
    {
        Item = item;
        Points = points;
    }

    public string Item { get; private set; } = "";

    public decimal Points { get; private set; }
}

/// <summary>A unit's yearly assessment (年度测评): kept as computed, with what it was computed from.</summary>
public sealed class Assessment
{
    private readonly List<Deduction> _deductions = [];

    private Assessment() { }

    public Assessment(CivilizedUnit unit, int year, IndicatorValues values, IEnumerable<Deduction> deductions,
        AssessmentSettings settings, string by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CivilizedUnitId = unit.Id;
        UnitCode = unit.UnitCode;
        Year = year;
        RegistrationRate = values.RegistrationRate;
        PerCapitaHours = values.PerCapitaHours;
        ActivitiesHeld = values.ActivitiesHeld;
        PledgesDelivered = values.PledgesDelivered;
        TasksDone = values.TasksDone;
        _deductions.AddRange(deductions);
        (Score, Outcome) = settings.Score(values, _deductions, unit.RevocationProposed);
        AssessedBy = by;
        AssessedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CivilizedUnitId { get; private set; }
    public string UnitCode { get; private set; } = "";
    public int Year { get; private set; }
    public decimal RegistrationRate { get; private set; }
    public decimal PerCapitaHours { get; private set; }
    public decimal ActivitiesHeld { get; private set; }
    public decimal PledgesDelivered { get; private set; }
    public decimal TasksDone { get; private set; }
    public IReadOnlyList<Deduction> Deductions => _deductions;
    public decimal Score { get; private set; }
    public ProposedOutcome Outcome { get; private set; }
    public string AssessedBy { get; private set; } = "";
    public DateTimeOffset AssessedAt { get; private set; }
}
