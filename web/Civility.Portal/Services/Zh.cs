using System.Globalization;
using Civility.Domain.Time;

namespace Civility.Portal.Services;

/// <summary>How the portal says things in Simplified Chinese: dates in the county's time zone, and the services' names.</summary>
public static class Zh
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>2026年12月2日.</summary>
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>The county's date of an instant, as <see cref="Date(DateOnly)"/>.</summary>
    public static string Date(DateTimeOffset instant) => Date(CountyClock.CountyDate(instant));

    public static string Date(DateTimeOffset? instant) => instant is { } i ? Date(i) : "—";

    /// <summary>The last county day of a window ending at <paramref name="end"/> (one ending at midnight ends the day before).</summary>
    public static string LastDay(DateTimeOffset? end) => end is { } e ? Date(e.AddTicks(-1)) : "—";

    /// <summary>2026年12月2日 14:30 (county time).</summary>
    public static string DateTime(DateTimeOffset instant) =>
        $"{Date(CountyClock.CountyDate(instant))} {CountyClock.ToCounty(instant):HH:mm}";

    public static string Percent(decimal rate) => (rate * 100m).ToString("0.#", Culture) + "%";

    public static string Hours(decimal hours) => hours.ToString("0.##", Culture) + " 小时";

    public static string Category(string? category) => category switch
    {
        "moral-model" => "道德模范",
        "good-person" => "身边好人",
        "most-beautiful-figure" => "最美人物",
        "civilized-family" => "文明家庭",
        _ => category ?? "",
    };

    public static string GoodPersonKind(string? kind) => kind switch
    {
        "helping-others" => "助人为乐",
        "honesty" => "诚实守信",
        "dedication-to-work" => "敬业奉献",
        "filial-piety" => "孝老爱亲",
        "bravery" => "见义勇为",
        _ => kind ?? "",
    };

    /// <summary>The board a category is on: 好人榜 (善行义举榜) for good people, 道德榜 for the others.</summary>
    public static string BoardOf(string category) => category == "good-person" ? Boards.GoodDeeds : Boards.Moral;

    public static class Boards
    {
        public const string GoodDeeds = "good-deeds", Moral = "moral";

        public static string Name(string board) => board == GoodDeeds ? "好人榜（善行义举榜）" : "道德榜";

        public static IReadOnlyList<string> Categories(string board) =>
            board == GoodDeeds ? ["good-person"] : ["moral-model", "most-beautiful-figure", "civilized-family"];
    }

    public static string ListType(string? list) => list switch
    {
        "red" => "守信红名单",
        "black" => "失信黑名单",
        _ => list ?? "",
    };

    public static string Tier(string? tier) => tier switch
    {
        "minor" => "轻微",
        "general" => "一般",
        "serious" => "严重",
        null => "—",
        _ => tier,
    };

    public static string SubjectKind(string kind) => kind == "person" ? "自然人" : "法人和非法人组织";

    public static string RepairStatus(string status) => status switch
    {
        "submitted" => "已受理，审核中",
        "approved" => "已通过，信用已修复",
        "rejected" => "未通过",
        _ => status,
    };
}
