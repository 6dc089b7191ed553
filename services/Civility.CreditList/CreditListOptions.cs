using Civility.CreditList.Domain;

namespace Civility.CreditList;

/// <summary>The county's rules that are policy rather than law: configuration section <c>CreditList</c>.</summary>
public sealed class CreditListOptions
{
    /// <summary>Working days the notified subject has to make a statement (陈述申辩) before listing.</summary>
    public int StatementPeriodWorkingDays { get; set; } = 5;

    /// <summary>Working days within which a repair application is decided.</summary>
    public int RepairDecisionWorkingDays { get; set; } = 5;

    /// <summary>
    /// Months after publication starts before a repair may be applied for, per black-list tier (the national rule:
    /// minor at once, general after 3 months, serious after 1 year).
    /// </summary>
    public Dictionary<BlackTier, int> RepairMinimumMonths { get; set; } = new()
    {
        [BlackTier.Minor] = 0,
        [BlackTier.General] = 3,
        [BlackTier.Serious] = 12,
    };

    /// <summary>How long a red-list entry proposed from a commendation is published.</summary>
    public int CommendationRedListMonths { get; set; } = 12;

    /// <summary>How often the expiry job looks for ended publications.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an answer of the public query may be served from this replica's cache. Every change to entries or
    /// subjects empties it at once; the bound matters only for other replicas and for dates that roll over.
    /// </summary>
    public TimeSpan PublicQueryCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    public int RepairMinimumMonthsFor(BlackTier tier) => RepairMinimumMonths.GetValueOrDefault(tier, 12);
}
