namespace Civility.Volunteers.Domain;

/// <summary>Star-rated volunteers (星级志愿者) by approved service hours.</summary>
public static class StarLevels
{
    /// <summary>Hours needed for 1★ … 5★.</summary>
    public static readonly decimal[] Thresholds = [100m, 300m, 600m, 1000m, 1500m];

    public static int For(decimal approvedHours) => Thresholds.Count(threshold => approvedHours >= threshold);
}
