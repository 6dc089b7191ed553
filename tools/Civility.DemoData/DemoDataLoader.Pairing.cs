using System.Net;
using System.Text.Json;

namespace Civility.DemoData;

public sealed partial class DemoDataLoader
{
    private sealed record PlannedPairing(
        string Unit, string Township, string Place, string Kind, string Goals, (string Side, string Name, string Phone)[] Contacts);

    private async Task LoadPairingAsync(VolunteerIds volunteers, CancellationToken ct)
    {
        // 1. Civilized-unit titles (文明单位): four of the six units hold one.
        var titles = await _api.ReadAllAsync("/api/pairing/civilized-units", ct);
        var titleIds = new Dictionary<string, Guid>();
        foreach (var (code, level, termStart) in new[]
        {
            (DemoDataSet.Hosp, "city", new DateOnly(Year - 1, 1, 1)),
            (DemoDataSet.Tcm, "county", new DateOnly(Year - 2, 1, 1)),
            (DemoDataSet.Cdc, "county", new DateOnly(Year - 1, 1, 1)),
            (DemoDataSet.Mch, "county", new DateOnly(Year, 1, 1)),
        })
        {
            var unit = DemoDataSet.Units.Single(u => u.Code == code);
            titleIds[code] = titles.FindId(t => t.Str("unitCode") == code) ?? await CreateOrFindAsync("pairing civilized-units",
                "/api/pairing/civilized-units",
                new { unitCode = code, name = unit.Name, creditCode = unit.CreditCode, level, termStart, termYears = 3 },
                async () => (await _api.ReadAllAsync("/api/pairing/civilized-units", ct)).FindId(t => t.Str("unitCode") == code), ct);
        }
        // The CDC's title is under warning (dynamic management): its yearly records came late.
        var cdc = await _api.ReadAsync($"/api/pairing/civilized-units/{titleIds[DemoDataSet.Cdc]}", ct);
        if (cdc.Str("status") == "active")
        {
            (await _api.PostAsync($"/api/pairing/civilized-units/{titleIds[DemoDataSet.Cdc]}/actions/warn",
                new
                {
                    reason = "未按期报送年度文明单位创建工作台账，"
                        + "经局党委研究予以警示，限期一个月补报。",
                }, ct)).Expect(HttpStatusCode.OK);
            Count("pairing title-actions");
        }

        // 2. Villages and communities, and the pairings: HOSP and TCM have both sides of the double pairing, CDC only a
        //    village, MCH only a community (both show in the double-pairing report). 岭头村 still waits for a partner.
        var pairings = new[]
        {
            new PlannedPairing(DemoDataSet.Hosp, "白云镇", "西洋村", "village",
                "村卫生室能力提升、每月义诊、困难家庭健康帮扶",
                [("unit", "王志刚", "0579-84011201"), ("place", "陈国庆（西洋村党支部书记）", "0579-84230018")]),
            new PlannedPairing(DemoDataSet.Hosp, "城关镇", "城东社区", "community",
                "慢病随访、居家养老健康服务、急救知识普及",
                [("unit", "吴海燕", "0579-84011202"), ("place", "方丽（城东社区居委会主任）", "0579-84016606")]),
            new PlannedPairing(DemoDataSet.Tcm, "横溪镇", "下徐村", "village",
                "中医药适宜技术进村、冬病夏治、村级健康小屋建设",
                [("unit", "何玉兰", "0579-84022301")]),
            new PlannedPairing(DemoDataSet.Tcm, "城关镇", "解放路社区", "community",
                "社区中医养生讲堂、敬老推拿理疗",
                [("unit", "林芳", "0579-84022302")]),
            new PlannedPairing(DemoDataSet.Cdc, "白云镇", "石门村", "village",
                "病媒生物防制、学校传染病防控、爱国卫生运动",
                [("unit", "宋涛", "0579-84033401")]),
            new PlannedPairing(DemoDataSet.Mch, "城关镇", "新华社区", "community",
                "孕产妇健康管理、留守儿童健康守护",
                [("unit", "韩梅", "0579-84044501")]),
        };
        var placeIds = new Dictionary<string, Guid>();
        foreach (var (township, name, kind) in pairings.Select(p => (p.Township, p.Place, p.Kind))
                     .Append(("横溪镇", "岭头村", "village")))
            placeIds[name] = await PlaceAsync(township, name, kind, ct);

        var pairingIds = new Dictionary<string, Guid>();
        foreach (var planned in pairings)
        {
            var title = titleIds[planned.Unit];
            var place = placeIds[planned.Place];
            async Task<Guid?> Find() => (await _api.ReadAllAsync($"/api/pairing/pairings?civilizedUnitId={title}&status=active", ct))
                .FindId(p => p.GetProperty("placeId").GetGuid() == place);
            pairingIds[planned.Place] = await Find() ?? await CreateOrFindAsync("pairing pairings", "/api/pairing/pairings", new
            {
                civilizedUnitId = title, placeId = place, from = new DateOnly(Year - 1, 3, 1), until = new DateOnly(Year + 1, 12, 31),
                goals = planned.Goals, contacts = planned.Contacts.Select(c => new { side = c.Side, name = c.Name, phone = c.Phone }),
            }, Find, ct);
        }

        // 3. The resource ledger: pledges of people, money and materials, and what has been delivered (one pledge past due).
        foreach (var (place, kind, item, quantity, unit, due, deliveries)
            in new (string, string, string, decimal, string?, int, (decimal, int, string)[])[]
        {
            ("西洋村", "money", "村卫生室设备购置资金", 20000m, null, 60,
                [(12000m, -45, "银行转账回单 县医院财〔YEAR〕031号")]),
            ("西洋村", "materials", "电子血压计", 10m, "台", -30, [(10m, -40, "物资签收单（西洋村村委会盖章）")]),
            ("西洋村", "people", "驻村健康指导员", 2m, null, -200, [(2m, -210, "驻村工作安排通知及签到表")]),
            ("城东社区", "materials", "家庭急救包", 50m, "个", 30, [(20m, -12, "城东社区物资签收单")]),
            ("下徐村", "materials", "中药防疫香囊", 500m, "个", -60,
                [(300m, -90, "发放登记表（第一批）"), (200m, -70, "发放登记表（第二批）")]),
            ("下徐村", "money", "村级健康小屋建设补助", 8000m, null, 90, []),
            ("石门村", "money", "病媒生物防制物资经费", 5000m, null, -20, []),
            ("新华社区", "people", "孕产妇健康讲师", 1m, null, -100, [(1m, -120, "讲师派驻函")]),
        })
        {
            var pairing = pairingIds[place];
            var ledger = await _api.ReadAsync($"/api/pairing/pairings/{pairing}/ledger", ct);
            var found = ledger.GetProperty("pledges").EnumerateArray().FirstOrNull(p => p.Str("item") == item);
            var pledge = found ?? (await _api.PostAsync($"/api/pairing/pairings/{pairing}/pledges",
                new { kind, item, quantity, unit, dueDate = Day(due) }, ct)).Expect(HttpStatusCode.Created);
            if (found is null) Count("pairing pledges");
            var pledgeId = pledge.Id();
            foreach (var (delivered, day, evidenceTemplate) in deliveries)
            {
                var evidence = evidenceTemplate.Replace("YEAR", Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    StringComparison.Ordinal);
                if (pledge.GetProperty("deliveries").EnumerateArray().Any(d => d.Str("evidence") == evidence)) continue;
                pledge = (await _api.PostAsync($"/api/pairing/pairings/{pairing}/pledges/{pledgeId}/deliveries",
                    new { quantity = delivered, date = Day(day), evidence }, ct)).Expect(HttpStatusCode.Created);
                Count("pairing deliveries");
            }
        }

        // 4. Pairing activities, their volunteers' hours sent by event once completed.
        foreach (var (place, category, days, location, participants, served) in DemoDataSet.PairingActivities)
        {
            var pairing = pairingIds[place];
            var date = Day(days);
            var activities = await _api.ReadAllAsync($"/api/pairing/activities?pairingId={pairing}", ct);
            var found = activities.FirstOrNull(a => a.Str("category") == category && a.Str("location") == location);
            var activity = found ?? (await _api.PostAsync("/api/pairing/activities", new
            {
                pairingId = pairing, category, date, location,
                volunteers = participants.Select(p => new { volunteerId = volunteers.ByName[p.Item1], hours = p.Item2 }),
                peopleServed = served.Select(s => new { group = s.Item1, count = s.Item2 }),
            }, ct)).Expect(HttpStatusCode.Created);
            if (found is null) Count("pairing activities");
            if (activity.Str("status") == "planned" && date <= CountyToday().AddDays(-1))
            {
                (await _api.PostAsync($"/api/pairing/activities/{activity.Id()}/complete", null, ct)).Expect(HttpStatusCode.OK);
                Count("pairing completions");
            }
        }

        // 5. Creation tasks handed down by the county civilization office, with the units' evidence.
        var tasks = await _api.ReadAllAsync("/api/pairing/creation-tasks", ct);
        foreach (var (title, basis, days, units, evidence) in new (string, string, int, string[], (string, string)[])[]
        {
            ("校园周边非法行医专项整治",
                "县文明办〔YEAR〕12号《关于开展校园周边环境综合整治的通知》", 30,
                [DemoDataSet.Hosp, DemoDataSet.Cdc, DemoDataSet.Health1],
                [(DemoDataSet.Hosp, "已联合卫生监督所开展城关片区学校周边巡查3次，"
                    + "移交线索2条，巡查记录及照片已归档。")]),
            ("健康教育宣传栏季度更新", "县文明办〔YEAR〕8号《文明城市创建常态化工作清单》", 10,
                [DemoDataSet.Tcm, DemoDataSet.Mch],
                [(DemoDataSet.Tcm, "门诊楼及解放路社区宣传栏已更新“冬季养生”专题，照片4张。"),
                 (DemoDataSet.Mch, "院内及新华社区宣传栏已更新“孕期营养”专题，照片3张。")]),
        })
        {
            var fullBasis = basis.Replace("YEAR", Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StringComparison.Ordinal);
            var found = tasks.FirstOrNull(t => t.Str("title") == title);
            var task = found ?? (await _api.PostAsync("/api/pairing/creation-tasks",
                new { title, basis = fullBasis, deadline = Max(Day(days), CountyToday()), unitCodes = units }, ct))
                .Expect(HttpStatusCode.Created);
            if (found is null) Count("pairing creation-tasks");
            foreach (var (unit, text) in evidence)
            {
                var assignment = task.GetProperty("assignments").EnumerateArray().Single(a => a.Str("unitCode") == unit);
                if (assignment.GetProperty("submittedAt").ValueKind != JsonValueKind.Null) continue;
                task = (await _api.PostAsync($"/api/pairing/creation-tasks/{task.Id()}/evidence",
                        new { unitCode = unit, evidence = text }, ct))
                    .Expect(HttpStatusCode.OK);
                Count("pairing evidence");
            }
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private async Task<Guid> PlaceAsync(string township, string name, string kind, CancellationToken ct)
    {
        async Task<Guid?> Find() => (await _api.ReadAllAsync($"/api/pairing/places?township={Uri.EscapeDataString(township)}", ct))
            .FindId(p => p.Str("name") == name);
        return await Find() ?? await CreateOrFindAsync("pairing places", "/api/pairing/places", new { kind, name, township }, Find, ct);
    }

    /// <summary>POST; 201 counts, 409 ("exists": someone made it meanwhile) is looked up.</summary>
    private async Task<Guid> CreateOrFindAsync(string what, string path, object body, Func<Task<Guid?>> find, CancellationToken ct)
    {
        var reply = await _api.PostAsync(path, body, ct);
        if (reply.Status == HttpStatusCode.Conflict && await find() is { } existing) return existing;
        var created = reply.Expect(HttpStatusCode.Created);
        Count(what);
        return created.Id();
    }
}
