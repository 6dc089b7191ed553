using Civility.Domain.Identifiers;
using Civility.Domain.PersonalData;

namespace Civility.DemoData;

/// <summary>A subordinate unit of the bureau: code, name, unified social credit code, this year's staff headcount.</summary>
internal sealed record DemoUnit(string Code, string Name, string CreditCode, int Headcount);

/// <summary>A synthetic person: the ID number is made from the index, birth date and sex, with a valid check character.</summary>
internal sealed record DemoPerson(int Index, string Name, bool Male, DateOnly Birth)
{
    /// <summary>
    /// GB 11643: region 330727, birth date, sequence 500 + 2 × index (+1 for a man: odd means male), check character.
    /// Deterministic, so a re-run finds the same people; never taken from a real person.
    /// </summary>
    public string IdNumber
    {
        get
        {
            var first17 = $"330727{Birth:yyyyMMdd}{500 + 2 * Index + (Male ? 1 : 0):D3}";
            return first17 + CitizenIdNumber.CheckCharacter(first17);
        }
    }

    public string Phone => $"1395797{Index:D4}";
}

internal sealed record DemoVolunteer(DemoPerson Person, string UnitCode, bool Staff, string[] Skills, decimal PlannedHours);

/// <summary>A pairing activity <paramref name="Days"/> from the anchor: past ones are completed and their hours sent by event.</summary>
internal sealed record DemoPairingActivity(string Place, string Category, int Days, string Location,
    (string Name, decimal Hours)[] Participants, (string Group, int Count)[] Served);

/// <summary>
/// The demo data set: a county health bureau's year, in the middle of it. Everything here is invented; the ID
/// numbers and credit codes are synthetic and only pass the national check rules.
/// </summary>
internal static class DemoDataSet
{
    public const string MarkerUnit = "DEMO-HOSP";

    /// <summary>The last thing the loader writes: once it is there, the load is complete.</summary>
    public const string FinalCommendationSuffix = "年度“身边好人”先进事迹巡回宣讲";

    public const string Hosp = "DEMO-HOSP", Tcm = "DEMO-TCM", Cdc = "DEMO-CDC", Mch = "DEMO-MCH",
        Health1 = "DEMO-HEALTH-1", Health2 = "DEMO-HEALTH-2";

    /// <summary>Public institutions (事业单位): registration authority 1, kind 2, region 330727.</summary>
    public static readonly DemoUnit[] Units =
    [
        new(Hosp, "县人民医院", Code("12330727470010001"), 10),
        new(Tcm, "县中医院", Code("12330727470010002"), 6),
        new(Cdc, "县疾病预防控制中心", Code("12330727470010003"), 7),
        new(Mch, "县妇幼保健院", Code("12330727470010004"), 6),
        new(Health1, "城关镇卫生院", Code("12330727470010005"), 5),
        new(Health2, "白云镇卫生院", Code("12330727470010006"), 4),
    ];

    public static string Code(string first17) => UnifiedSocialCreditCode.WithCheck(first17);

    private static DemoPerson P(int index, string name, bool male, int year, int month, int day) =>
        new(index, name, male, new DateOnly(year, month, day));

    // Volunteers: HOSP and TCM have every staff member registered and their staff's hours reach 48 h per head, HEALTH-1
    // has everyone registered but is short of hours; CDC, MCH and HEALTH-2 are behind. 李建国 is a few hours short of
    // 100 h until the free clinic in 西洋村 brings him his first star.
    public static readonly DemoVolunteer[] Volunteers =
    [
        new(P(1, "李建国", true, 1971, 3, 12), Hosp, true, ["医师", "党员"], 96m),
        new(P(2, "陈秀英", false, 1968, 9, 5), Hosp, true, ["护士", "党员"], 52m),
        new(P(3, "王志刚", true, 1979, 11, 23), Hosp, true, ["医师"], 50m),
        new(P(4, "张丽华", false, 1985, 6, 2), Hosp, true, ["护士"], 40m),
        new(P(5, "刘洋", true, 1990, 1, 17), Hosp, true, ["药师"], 36m),
        new(P(6, "杨静", false, 1992, 8, 30), Hosp, true, ["护士"], 38m),
        new(P(7, "赵伟", true, 1983, 4, 9), Hosp, true, ["医师", "党员"], 42m),
        new(P(8, "孙明", true, 1975, 12, 1), Hosp, true, ["医师"], 52m),
        new(P(9, "周婷", false, 1994, 2, 14), Hosp, true, ["检验师"], 30m),
        new(P(10, "吴海燕", false, 1988, 7, 21), Hosp, true, ["行政", "党员"], 34m),
        new(P(11, "郑大勇", true, 1962, 5, 8), Hosp, false, ["退休教师"], 28m),
        new(P(12, "冯晓梅", false, 1998, 10, 3), Hosp, false, ["大学生"], 20m),
        new(P(13, "周建华", true, 1966, 2, 27), Tcm, true, ["中医师", "党员"], 58m),
        new(P(14, "何玉兰", false, 1972, 6, 18), Tcm, true, ["针灸师"], 52m),
        new(P(15, "胡晓东", true, 1981, 9, 9), Tcm, true, ["中药师"], 40m),
        new(P(16, "林芳", false, 1987, 3, 25), Tcm, true, ["护士"], 50m),
        new(P(17, "朱丽", false, 1990, 11, 11), Tcm, true, ["康复治疗师"], 48m),
        new(P(18, "高俊", true, 1993, 4, 30), Tcm, true, ["中医师"], 36m),
        new(P(19, "罗桂英", false, 1958, 1, 6), Tcm, false, ["社区志愿者"], 30m),
        new(P(20, "刘志强", true, 1976, 8, 15), Cdc, true, ["公卫医师", "党员"], 40m),
        new(P(21, "梁雪", false, 1989, 12, 19), Cdc, true, ["检验师"], 30m),
        new(P(22, "宋涛", true, 1984, 10, 28), Cdc, true, ["流行病学"], 28m),
        new(P(23, "谢婉清", false, 1991, 5, 4), Cdc, true, ["健康教育"], 26m),
        new(P(24, "唐磊", true, 1995, 7, 7), Cdc, true, ["消杀"], 24m),
        new(P(25, "许文博", true, 2001, 3, 3), Cdc, false, ["大学生"], 16m),
        new(P(26, "徐海燕", false, 1980, 4, 16), Mch, true, ["妇产科医师"], 44m),
        new(P(27, "黄丽娟", false, 1977, 10, 10), Mch, true, ["儿科医师"], 38m),
        new(P(28, "韩梅", false, 1986, 2, 2), Mch, true, ["助产士"], 36m),
        new(P(29, "曹颖", false, 1993, 9, 22), Mch, true, ["护士"], 32m),
        new(P(30, "彭宇", true, 1989, 6, 26), Mch, true, ["儿保医师"], 34m),
        new(P(31, "邓秀兰", false, 1960, 12, 24), Mch, false, ["退休护士"], 30m),
        new(P(32, "马文军", true, 1970, 7, 1), Health1, true, ["全科医师", "党员"], 40m),
        new(P(33, "蒋红", false, 1982, 3, 8), Health1, true, ["护士"], 32m),
        new(P(34, "沈国强", true, 1974, 11, 30), Health1, true, ["乡村医生"], 34m),
        new(P(35, "袁媛", false, 1996, 1, 20), Health1, true, ["公卫"], 28m),
        new(P(36, "蔡晓峰", true, 1988, 8, 8), Health1, true, ["全科医师"], 30m),
        new(P(37, "吕春花", false, 1965, 4, 12), Health1, false, ["村妇女主任"], 24m),
        new(P(38, "潘建军", true, 1973, 5, 19), Health2, true, ["全科医师"], 18m),
        new(P(39, "杜小燕", false, 1991, 12, 12), Health2, true, ["护士"], 14m),
        new(P(40, "程立", true, 1999, 9, 16), Health2, false, ["大学生村官"], 10m),
    ];

    public static DemoVolunteer Volunteer(string name) => Volunteers.Single(v => v.Person.Name == name);

    /// <summary>People of the public who vote for nominations (real-name voting).</summary>
    public static readonly DemoPerson[] Voters =
    [
        P(101, "王建平", true, 1964, 2, 3), P(102, "李秀珍", false, 1970, 5, 6), P(103, "张国华", true, 1958, 8, 9),
        P(104, "刘美玲", false, 1982, 11, 12), P(105, "陈永强", true, 1977, 1, 15), P(106, "杨淑芬", false, 1961, 4, 18),
        P(107, "赵明亮", true, 1990, 7, 21), P(108, "黄春燕", false, 1986, 10, 24), P(109, "周德胜", true, 1953, 12, 27),
        P(110, "吴晓丽", false, 1995, 3, 2), P(111, "徐志勇", true, 1979, 6, 5), P(112, "孙桂香", false, 1967, 9, 8),
        P(113, "胡振华", true, 1984, 12, 11), P(114, "朱小红", false, 1992, 2, 14), P(115, "高德明", true, 1969, 5, 17),
        P(116, "林雪梅", false, 1975, 8, 20), P(117, "何伟东", true, 1988, 11, 23), P(118, "郭玉珍", false, 1959, 1, 26),
        P(119, "马建新", true, 1973, 4, 29), P(120, "罗丹", false, 1997, 7, 31),
    ];

    /// <summary>A person on the black list (a hospital tout, 医托).</summary>
    public static readonly DemoPerson Tout = P(201, "钱立新", true, 1981, 7, 13);

    /// <summary>Every citizen ID number the data set uses (all synthetic): none may appear in clear in a response.</summary>
    public static IEnumerable<string> IdNumbers =>
        Volunteers.Select(v => v.Person.IdNumber).Concat(Voters.Select(v => v.IdNumber)).Append(Tout.IdNumber);

    /// <summary>What volunteers did, by unit: the content of their service records.</summary>
    public static readonly Dictionary<string, string[]> ServiceContents = new()
    {
        [Hosp] = ["城东社区慢病随访与血压测量", "“我们的节日·重阳”敬老院义诊",
            "无偿献血宣传与现场服务", "门诊大厅导诊志愿服务",
            "西洋村村民健康体检", "急救知识进社区培训"],
        [Tcm] = ["中医药文化进校园讲座", "社区冬病夏治健康咨询", "敬老院中医推拿理疗",
            "中药香囊制作与发放", "解放路社区养生讲堂"],
        [Cdc] = ["流感疫苗接种现场引导", "病媒生物防制入户宣传", "学校传染病防控指导",
            "爱国卫生运动环境整治", "艾滋病防治知识宣传"],
        [Mch] = ["留守儿童健康体检", "孕妈课堂公益讲座", "新生儿家庭访视", "妇女“两癌”筛查宣传",
            "儿童口腔健康科普"],
        [Health1] = ["文明交通劝导（城关十字路口）", "家庭医生签约入户服务", "老年人健康体检引导",
            "新时代文明实践站健康咨询", "残疾人家庭上门康复指导"],
        [Health2] = ["白云镇集市健康咨询", "独居老人上门随访", "村卫生室健康宣教"],
    };

    /// <summary>
    /// Pairing activities: completed ones send their volunteers' hours to the volunteer service by event (the free
    /// clinic in 西洋村 gives 李建国 his first star); one is planned for next week.
    /// </summary>
    public static readonly DemoPairingActivity[] PairingActivities =
    [
        new("西洋村", "free-clinic", -9, "西洋村文化礼堂",
            [("李建国", 8m), ("王志刚", 6m), ("张丽华", 6m), ("刘洋", 4m), ("冯晓梅", 4m)],
            [("elderly", 86), ("poor-households", 12)]),
        new("解放路社区", "health-education", -20, "解放路社区新时代文明实践站",
            [("周建华", 3m), ("何玉兰", 3m), ("林芳", 3m), ("罗桂英", 3m)], [("elderly", 40), ("other", 25)]),
        new("石门村", "minors-health-education", -40, "石门村小学",
            [("谢婉清", 2m), ("唐磊", 2m)], [("children", 60)]),
        new("城东社区", "elderly-households", 7, "城东社区居家养老服务中心",
            [("吴海燕", 3m), ("周婷", 3m)], [("elderly", 30)]),
    ];
}
