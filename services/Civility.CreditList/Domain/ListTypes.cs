namespace Civility.CreditList.Domain;

/// <summary>守信红名单 (red) or 失信黑名单 (black).</summary>
public enum ListType { Red, Black }

/// <summary>Severity of a black-list entry; it fixes the publication period and the earliest repair.</summary>
public enum BlackTier { Minor, General, Serious }

public enum EntryStatus { Proposed, Notified, Active, Expired, Repaired, Revoked }

/// <summary>The publication-period rule of each tier (the period is what the public sees the entry for).</summary>
public static class PublicationRules
{
    /// <summary>A red-list honour is reviewed at least every three years.</summary>
    public const int RedMaximumYears = 3;

    /// <summary>Null when the period fits; otherwise why not.</summary>
    public static string? Check(ListType list, BlackTier? tier, DateOnly from, DateOnly until)
    {
        if (until <= from) return "The publication must end after it starts.";
        return (list, tier) switch
        {
            (ListType.Red, _) when until > from.AddYears(RedMaximumYears) => "A red-list publication lasts at most 3 years.",
            (ListType.Black, BlackTier.Minor) when until > from.AddMonths(3) =>
                "A minor black-list entry is published for at most 3 months.",
            (ListType.Black, BlackTier.General) when until < from.AddMonths(3) || until > from.AddYears(1) =>
                "A general black-list entry is published for 3 months to 1 year.",
            (ListType.Black, BlackTier.Serious) when until < from.AddYears(1) || until > from.AddYears(3) =>
                "A serious black-list entry is published for 1 to 3 years.",
            _ => null,
        };
    }
}
