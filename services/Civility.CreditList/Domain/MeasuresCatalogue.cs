namespace Civility.CreditList.Domain;

/// <summary>One incentive (守信激励) or punishment (失信惩戒) measure other systems apply to a listed subject.</summary>
public sealed record Measure(string Code, string Description);

/// <summary>The measures that go with each list type and tier; a heavier tier carries the lighter tiers' measures too.</summary>
public static class MeasuresCatalogue
{
    private static readonly Measure StricterInspection =
        new("stricter-inspection", "Inspected more often and more closely (重点监管).");
    private static readonly Measure Interview = new("credit-interview", "Called in for a credit interview and reminder (约谈提醒).");
    private static readonly Measure NoHonours =
        new("no-honours", "Not eligible for honours: moral models, good people, commendations (评优评先).");
    private static readonly Measure NoCivilizedUnitTitle =
        new("no-civilized-unit-title", "May not hold or be awarded the civilized-unit title (文明单位).");
    private static readonly Measure NoPublicFunding =
        new("no-public-funding", "No public funding, subsidies or grants (财政资金支持).");
    private static readonly Measure NoProcurement =
        new("no-public-procurement", "Excluded from public procurement and government projects (政府采购).");

    private static readonly Measure FastTrack =
        new("fast-track-services", "Fast-track administrative services and tolerance of missing documents (绿色通道、容缺受理).");
    private static readonly Measure Priority =
        new("priority-support", "Priority in funding, projects and honours where merit is equal (同等条件下优先).");
    private static readonly Measure LighterInspection = new("lighter-inspection", "Fewer routine inspections (减少检查频次).");

    public static IReadOnlyList<Measure> For(ListType list, BlackTier? tier) => (list, tier) switch
    {
        (ListType.Red, _) => [FastTrack, Priority, LighterInspection],
        (ListType.Black, BlackTier.Minor) => [StricterInspection, Interview],
        (ListType.Black, BlackTier.General) => [StricterInspection, Interview, NoHonours, NoCivilizedUnitTitle, NoPublicFunding],
        _ => [StricterInspection, Interview, NoHonours, NoCivilizedUnitTitle, NoPublicFunding, NoProcurement],
    };
}
