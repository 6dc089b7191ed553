using System.Net;
using System.Text.Json;

namespace Civility.DemoData;

public sealed partial class DemoDataLoader
{
    /// <summary>Where a nomination should be when the load ends (commended ones are commended by the meeting).</summary>
    private enum NominationGoal { Nominated, UnderReview, InPublicity, SuspendedByObjection, Selected, Rejected, Commended }

    private sealed record PlannedNomination(
        string Name, string Unit, string Category, string? GoodPersonKind, string Deeds, NominationGoal Goal, int Votes,
        string[]? FamilyMembers = null, string? FamilyMotto = null);

    /// <summary>The people the commendation meeting honours (a family has no ID number, so no red-list proposal).</summary>
    private static readonly string[] CommendedPeople = ["陈秀英", "周建华"];

    private async Task LoadMoralModelsAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        // Round 1: good people of the first half-year, with a publicity window that closes as it opens (the demo stack
        // allows 0 days) so that its nominations could be selected and commended today.
        var goodPeople = await RoundAsync($"{Year}年度全县卫生健康系统“身边好人”评选", 0,
            ["good-person", "most-beautiful-figure", "civilized-family"], now.AddDays(-1), now.AddDays(30), ct);
        // Round 2: the moral models, in the middle of their 7-day publicity: votes come in, an objection suspends one.
        var moralModels = await RoundAsync($"{Year}年度全县卫生健康系统道德模范评选", 7,
            ["moral-model", "most-beautiful-figure"], now.AddDays(-1), now.AddDays(14), ct);

        var commend = new List<Guid>();
        await NominationsAsync(goodPeople, commend,
        [
            new("陈秀英", DemoDataSet.Hosp, "good-person", "helping-others",
                "县人民医院心内科护士长。十年如一日照顾同村独居老人，"
                + "每周上门测血压、送药、打扫卫生；"
                + "利用业余时间带领护理志愿服务队走进西洋村开展健康宣教120余次。",
                NominationGoal.Commended, 8),
            new("周建华", DemoDataSet.Tcm, "good-person", "dedication-to-work",
                "县中医院针灸科主任医师，从医三十余年。坚持每月赴偏远山村义诊，"
                + "累计服务群众两万余人次；疫情期间主动请缨驻守隔离点47天。",
                NominationGoal.Commended, 6),
            new("刘志强", DemoDataSet.Cdc, "most-beautiful-figure", null,
                "县疾控中心传染病防制科科长。在流感、诺如病毒等聚集性疫情处置中连续奋战，"
                + "带领团队完成流调溯源300余起，被群众称为“疾控尖兵”。",
                NominationGoal.Selected, 4),
            new("黄丽娟", DemoDataSet.Mch, "good-person", "filial-piety",
                "县妇幼保健院儿科医师，悉心照料瘫痪在床的婆婆八年，邻里称赞。",
                NominationGoal.Rejected, 0),
            new("吴国平家庭", DemoDataSet.Health1, "civilized-family", null,
                "三代同堂、家风淳朴，“勤俭持家、与人为善”的家训代代相传；"
                + "夫妻二人均为基层医务工作者，常年义务为邻里提供健康咨询。",
                NominationGoal.Commended, 5, ["吴国平", "蒋红", "吴思远"], "勤俭持家，与人为善"),
        ], ct);
        await NominationsAsync(moralModels, commend,
        [
            new("孙明", DemoDataSet.Hosp, "moral-model", null,
                "县人民医院急诊科医生。下班途中遇路人心脏骤停，当即实施心肺复苏，"
                + "为抢救赢得宝贵时间；多年坚持无偿献血，累计献血8000毫升。",
                NominationGoal.InPublicity, 12),
            new("徐海燕", DemoDataSet.Mch, "moral-model", null,
                "县妇幼保健院产科主任，二十年来守护母婴平安，参与抢救危重孕产妇100余人次；"
                + "牵头开展“孕妈课堂”公益讲座。",
                NominationGoal.SuspendedByObjection, 5),
            new("马文军", DemoDataSet.Health1, "moral-model", null,
                "城关镇卫生院全科医生，扎根基层二十余年，为辖区2000余名慢病患者建立健康档案，"
                + "风雨无阻上门随访。",
                NominationGoal.UnderReview, 3),
            new("朱丽", DemoDataSet.Tcm, "most-beautiful-figure", null,
                "县中医院康复科治疗师，五年来义务为残疾儿童开展康复训练，"
                + "帮助30余名孩子重新站立行走。",
                NominationGoal.Nominated, 2),
        ], ct);

        // The commendation meeting honours the selected good people; the credit service then proposes the people for the red list.
        var commendations = await _api.ReadAllAsync("/api/moral-models/commendations", ct);
        var meeting = $"{Year}年度全县卫生健康系统“身边好人”表彰大会";
        if (!commendations.Any(c => c.Str("title") == meeting) && commend.Count > 0)
        {
            await CreateAsync("moral commendations", "/api/moral-models/commendations",
                new
                {
                    kind = "meeting", title = meeting, heldOn = Anchor, place = "县卫生健康局三楼会议室",
                    nominationIds = commend,
                }, ct);
        }

        // Courtesy and assistance (礼遇帮扶) for the commended models.
        var nominations = await _api.ReadAllAsync($"/api/moral-models/nominations?roundId={goodPeople}", ct);
        foreach (var (name, kind, days, amount, handler, note) in new (string, string, int, decimal?, string, string)[]
        {
            ("陈秀英", "visit", 0, null, "县卫健局精神文明建设办公室",
                "表彰后上门走访慰问，送去慰问信和慰问品。"),
            ("陈秀英", "subsidy", 0, 2000m, "县卫健局精神文明建设办公室", "“身边好人”帮扶补助。"),
            ("周建华", "medical-priority", 0, null, "县中医院医务科",
                "办理就医优先服务卡，享受预约挂号、检查优先。"),
        })
        {
            var model = nominations.Single(n => n.Str("nomineeName") == name);
            if (model.Str("status") != "commended") continue;
            var ledger = await _api.ReadAllAsync($"/api/moral-models/nominations/{model.Id()}/assistance", ct);
            if (ledger.Any(a => a.Str("kind") == kind)) continue;
            await CreateAsync("moral assistance-records", $"/api/moral-models/nominations/{model.Id()}/assistance",
                new { kind, date = Day(days), amount, handler, note }, ct);
        }

        // Last of all, the marker that the load is complete: the lecture tour of the commended good people.
        var tour = $"{Year}{DemoDataSet.FinalCommendationSuffix}";
        if (!commendations.Any(c => c.Str("title") == tour))
        {
            var honoured = nominations.Where(n => n.Str("status") == "commended" && n.Str("category") == "good-person")
                .Select(n => n.Id()).ToList();
            await CreateAsync("moral commendations", "/api/moral-models/commendations",
                new
                {
                    kind = "lecture-tour", title = tour, heldOn = Anchor, place = "全县各医疗卫生单位（巡回）",
                    nominationIds = honoured,
                }, ct);
        }
    }

    private async Task<Guid> RoundAsync(
        string name, int publicityDays, string[] categories, DateTimeOffset votingOpensAt, DateTimeOffset votingClosesAt,
        CancellationToken ct)
    {
        async Task<Guid?> Find() => (await _api.ReadAllAsync($"/api/moral-models/rounds?year={Year}", ct))
            .FindId(r => r.Str("name") == name);
        if (await Find() is { } existing) return existing;
        // The bureau's own selections, voted by its staff in person: the loader, which receives no text messages, casts
        // the votes by ID number alone, as an admin allows for such a vote. A public round (the default) sends codes.
        var reply = await _api.PostAsync("/api/moral-models/rounds",
            new { name, year = Year, publicityDays, categories, votingOpensAt, votingClosesAt, voteVerification = "id-number-only" }, ct);
        if (reply.Status == HttpStatusCode.BadRequest && reply.Text.Contains("publicityDays", StringComparison.Ordinal))
            throw new DemoDataException($"POST /api/moral-models/rounds: {reply.Text} — the demo needs " +
                                        $"the moral-model service run with " +
                                        "MoralModels__MinimumPublicityDays=0 (the app host sets it when it loads the demo data).");
        if (reply.Status == HttpStatusCode.Conflict && await Find() is { } raced) return raced;
        var round = reply.Expect(HttpStatusCode.Created).Id();
        Count("moral rounds");
        // The bureau's admin sits on the review panel of the demo rounds (blind review: tallies after scoring).
        Tolerate(await _api.PostAsync($"/api/moral-models/rounds/{round}/reviewers", new { clientId = "civility-admin" }, ct),
            "add a reviewer");
        return round;
    }

    private async Task NominationsAsync(Guid round, List<Guid> commend, PlannedNomination[] planned, CancellationToken ct)
    {
        var existing = await _api.ReadAllAsync($"/api/moral-models/nominations?roundId={round}", ct);
        var voters = 0;
        foreach (var nomination in planned)
        {
            var person = nomination.FamilyMembers is null ? DemoDataSet.Volunteer(nomination.Name).Person : null;
            var found = existing.FirstOrNull(n => n.Str("nomineeName") == nomination.Name);
            if (found is null)
            {
                found = (await _api.PostAsync("/api/moral-models/nominations", new
                {
                    roundId = round, category = nomination.Category, goodPersonKind = nomination.GoodPersonKind,
                    nomineeKind = person is null ? "family" : "person", nomineeName = nomination.Name, idNumber = person?.IdNumber,
                    familyMembers = nomination.FamilyMembers, familyMotto = nomination.FamilyMotto, unitCode = nomination.Unit,
                    deeds = nomination.Deeds,
                }, ct)).Expect(HttpStatusCode.Created);
                Count("moral nominations");
                // Public real-name votes while the nomination takes them (one per person; a second one answers 409).
                for (var v = 0; v < nomination.Votes; v++)
                {
                    var voter = DemoDataSet.Voters[(voters + v) % DemoDataSet.Voters.Length];
                    var vote = await _api.PostAsync($"/api/moral-models/public/nominations/{found.Value.Id()}/votes",
                        new { voterName = voter.Name, idNumber = voter.IdNumber }, ct);
                    Tolerate(vote, "vote");
                    if (vote.Status == HttpStatusCode.Created) Count("moral votes");
                }
                voters += nomination.Votes;
            }
            var id = found.Value.Id();
            await AdvanceAsync(id, found.Value.Str("status"), nomination.Goal, ct);
            if (nomination.Goal == NominationGoal.Commended) commend.Add(id);
        }
    }

    /// <summary>Walks a nomination through the workflow to its goal, from wherever it is (a re-run picks up where it stopped).</summary>
    private async Task AdvanceAsync(Guid id, string status, NominationGoal goal, CancellationToken ct)
    {
        while (true)
        {
            string? action = (status, goal) switch
            {
                ("nominated", NominationGoal.Nominated) => null,
                ("nominated", _) => "review",
                ("under-review", NominationGoal.UnderReview) => null,
                ("under-review", NominationGoal.Rejected) => "reject",
                ("under-review", _) => "publicize",
                ("in-publicity", NominationGoal.InPublicity) => null,
                ("in-publicity", NominationGoal.SuspendedByObjection) => "object",
                ("in-publicity", NominationGoal.Selected or NominationGoal.Commended) => "select",
                _ => null,
            };
            if (action is null) return;
            JsonElement reply;
            switch (action)
            {
                case "review":
                    reply = (await _api.PostAsync($"/api/moral-models/nominations/{id}/review",
                        new { reason = "材料齐全，进入评审。" }, ct)).Expect(HttpStatusCode.OK);
                    // The panel scores it at once (a rejected one scores low).
                    var low = goal == NominationGoal.Rejected;
                    Tolerate(await _api.PostAsync($"/api/moral-models/nominations/{id}/scores", new
                    {
                        scores = new[]
                        {
                            new { criterion = "deeds", score = low ? 5 : 9, reason = (string?)null },
                            new { criterion = "influence", score = low ? 4 : 8, reason = (string?)null },
                            new { criterion = "exemplarity", score = low ? 5 : 8, reason = (string?)null },
                        },
                    }, ct), "score");
                    Count("moral workflow-steps");
                    break;
                case "reject":
                    reply = (await _api.PostAsync($"/api/moral-models/nominations/{id}/reject",
                        new { reason = "经评审委员会评议，事迹材料佐证不足，本轮不予入选。" }, ct))
                        .Expect(HttpStatusCode.OK);
                    Count("moral workflow-steps");
                    break;
                case "publicize":
                    reply = (await _api.PostAsync($"/api/moral-models/nominations/{id}/publicize",
                        new { reason = "评审通过，进入公示。" }, ct)).Expect(HttpStatusCode.OK);
                    Count("moral workflow-steps");
                    break;
                case "select":
                    reply = (await _api.PostAsync($"/api/moral-models/nominations/{id}/select",
                        new { reason = "公示期满无异议，确定入选。" }, ct)).Expect(HttpStatusCode.OK);
                    Count("moral workflow-steps");
                    break;
                default: // object: anyone may file an objection during publicity; it suspends the nomination until resolved.
                    var objections = await _api.ReadAllAsync($"/api/moral-models/nominations/{id}/objections", ct);
                    if (objections.Count > 0) return;
                    var filed = await _api.PostAsync($"/api/moral-models/public/nominations/{id}/objections", new
                    {
                        content = "反映该同志事迹材料中“抢救危重孕产妇100余人次”的统计口径有误，"
                            + "请予核实。",
                        contactName = "李先生", contactPhone = "0579-84123456",
                    }, ct);
                    Tolerate(filed, "object");
                    if (filed.Status != HttpStatusCode.Created) return;
                    Count("moral objections");
                    reply = await _api.ReadAsync($"/api/moral-models/nominations/{id}", ct);
                    break;
            }
            status = reply.Str("status");
        }
    }
}
