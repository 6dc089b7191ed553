using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Civility.DemoData;

public sealed partial class DemoDataLoader
{
    /// <summary>Where an entry should be when the load ends.</summary>
    private enum EntryGoal { Proposed, Notified, Active, UnderObjection, Repaired, Revoked }

    private sealed record PlannedEntry(
        string SubjectName, string List, string? Tier, string Law, string Article, string Facts, string Decision, string Department,
        int PublishedFromDay, int Months, EntryGoal Goal);

    private const string HealthBureau = "县卫生健康局";

    private async Task LoadCreditAsync(CancellationToken ct)
    {
        // 1. Subjects: two of the bureau's units (red list), private providers and a company (black list), and a person.
        var subjects = new Dictionary<string, Guid>();
        foreach (var unit in DemoDataSet.Units.Where(u => u.Code is DemoDataSet.Hosp or DemoDataSet.Tcm))
            subjects[unit.Name] = await OrganizationAsync(unit.CreditCode, unit.Name, ct);
        foreach (var (first17, name) in new[]
        {
            ("92330727MA2D8K1L0", "城关康宁诊所"),
            ("91330727MA2D8K2M1", "县百草堂大药房有限公司"),
            ("91330727MA2D8K3N2", "县洁康医疗废物处置有限公司"),
            ("91330727MA2D8K4P3", "县仁和口腔门诊部有限公司"),
            ("91330727MA2D8K5Q4", "县安康健康体检中心有限公司"),
            ("92330727MA2D8K6R5", "县惠民中医诊所"),
        })
            subjects[name] = await OrganizationAsync(DemoDataSet.Code(first17), name, ct);
        var tout = (await _api.PostAsync("/api/credit/subjects/people",
                new { idNumber = DemoDataSet.Tout.IdNumber, name = DemoDataSet.Tout.Name }, ct))
            .Expect(HttpStatusCode.Created, HttpStatusCode.Conflict);
        subjects[DemoDataSet.Tout.Name] = tout.TryGetProperty("existingId", out var existingTout) ? existingTout.GetGuid() : tout.Id();
        if (!tout.TryGetProperty("existingId", out _)) Count("credit subjects");

        // 2. Entries in every state of the lifecycle: proposed → notified → active (published), under objection,
        //    lifted by credit repair, revoked after review.
        var year = Year.ToString(CultureInfo.InvariantCulture);
        var entries = new PlannedEntry[]
        {
            new("县人民医院", "red", null,
                "《国务院关于建立完善守信联合激励和失信联合惩戒制度"
                + "加快推进社会诚信建设的指导意见》", "第（六）项",
                "连续三年获评市级文明单位，医疗服务诚信经营示范单位，无不良信用记录。",
                $"县卫健信〔{year}〕5号", HealthBureau, -120, 24, EntryGoal.Active),
            new("县中医院", "red", null,
                "《国务院关于建立完善守信联合激励和失信联合惩戒制度"
                + "加快推进社会诚信建设的指导意见》", "第（六）项",
                "中医药服务诚信建设示范单位，年度医德医风考评优秀。",
                $"县卫健信〔{year}〕9号", HealthBureau, 0, 12, EntryGoal.Notified),
            new("城关康宁诊所", "black", "general", "《中华人民共和国医师法》", "第五十九条",
                "在城关小学周边租用民房，使用非卫生技术人员开展诊疗活动，经责令改正后拒不改正。",
                $"县卫健罚〔{year}〕023号", HealthBureau, -30, 12, EntryGoal.Active),
            new("县百草堂大药房有限公司", "black", "minor",
                "《中华人民共和国药品管理法》", "第一百二十六条",
                "销售处方药未凭处方且未按规定登记，经批评教育后已整改。",
                $"县卫健罚〔{year}〕041号", "县市场监督管理局", 0, 3, EntryGoal.Notified),
            new("县洁康医疗废物处置有限公司", "black", "serious", "《医疗废物管理条例》", "第四十七条",
                "医疗废物转运过程中未执行转移联单制度，多次出现未按规定时间收运情形。",
                $"县卫健罚〔{year}〕017号", HealthBureau, -60, 24, EntryGoal.UnderObjection),
            new("县仁和口腔门诊部有限公司", "black", "general", "《医疗机构管理条例》", "第四十六条",
                "未按规定办理诊疗科目变更登记即开展口腔种植项目，消毒供应室检查不合格。",
                $"县卫健罚〔{year}〕006号", HealthBureau, -150, 12, EntryGoal.Repaired),
            new("县安康健康体检中心有限公司", "black", "general", "《医疗机构管理条例》", "第四十七条",
                "体检报告由不具备资质人员签发，涉嫌出具虚假体检结论，正在核实。",
                $"县卫健罚〔{year}〕052号", HealthBureau, 0, 6, EntryGoal.Proposed),
            new("县惠民中医诊所", "black", "minor", "《中华人民共和国中医药法》", "第五十四条",
                "超出备案范围开展中医医疗技术。",
                $"县卫健罚〔{year}〕011号", HealthBureau, -90, 3, EntryGoal.Revoked),
            new(DemoDataSet.Tout.Name, "black", "general", "《浙江省医疗机构管理条例》", "第三十七条",
                "多次在县人民医院门诊大厅诱导患者至无资质诊所就医，"
                + "扰乱医疗秩序，经公安机关处理后仍不改正。",
                $"县卫健罚〔{year}〕029号", HealthBureau, -20, 12, EntryGoal.Active),
        };
        foreach (var planned in entries) await EntryAsync(planned, subjects[planned.SubjectName], ct);
    }

    private async Task<Guid> OrganizationAsync(string creditCode, string name, CancellationToken ct)
    {
        var reply = (await _api.PostAsync("/api/credit/subjects/organizations", new { creditCode, name }, ct))
            .Expect(HttpStatusCode.Created, HttpStatusCode.Conflict);
        if (reply.TryGetProperty("existingId", out var existing)) return existing.GetGuid();
        Count("credit subjects");
        return reply.Id();
    }

    private async Task EntryAsync(PlannedEntry planned, Guid subject, CancellationToken ct)
    {
        // Not clamped to this year: a listing published five months ago may be repaired now, whatever the month.
        var from = Anchor.AddDays(planned.PublishedFromDay);
        var found = (await _api.ReadAllAsync($"/api/credit/entries?subjectId={subject}", ct))
            .FindId(e => e.Str("decisionNumber") == planned.Decision);
        var id = found ?? await CreateAsync("credit entries", "/api/credit/entries", new
        {
            subjectId = subject, listType = planned.List, tier = planned.Tier, law = planned.Law, article = planned.Article,
            facts = planned.Facts, decisionNumber = planned.Decision, decidingDepartment = planned.Department, listingDate = from,
            publishedFrom = from, publishedUntil = from.AddMonths(planned.Months),
        }, ct);

        var entry = await _api.ReadAsync($"/api/credit/entries/{id}", ct);
        if (planned.Goal == EntryGoal.Proposed) return;
        if (entry.Str("status") == "proposed")
        {
            entry = await TransitionAsync(id, "notify", "告知书已送达，告知拟列入理由、依据及陈述申辩权利。", ct);
        }
        if (planned.Goal == EntryGoal.Notified) return;
        if (entry.Str("status") == "notified")
        {
            var activated = await _api.PostAsync($"/api/credit/entries/{id}/activate",
                new { reason = "陈述申辩期满，当事人未提出异议。" }, ct);
            if (activated.Status == HttpStatusCode.UnprocessableEntity)
                throw new DemoDataException($"POST /api/credit/entries/{id}/activate: {activated.Text} — the demo needs " +
                                            $"the credit service run with " +
                                            "CreditList__StatementPeriodWorkingDays=0 (the app host sets it when it loads the demo data).");
            entry = activated.Expect(HttpStatusCode.OK);
            Count("credit activations");
        }
        switch (planned.Goal)
        {
            case EntryGoal.Revoked when entry.Str("status") == "active":
                await RevokeEntryAsync(id, ct);
                break;
            case EntryGoal.UnderObjection when entry.Str("status") == "active":
                if ((await _api.ReadAllAsync($"/api/credit/objections?entryId={id}", ct)).Count == 0)
                {
                    await CreateAsync("credit objections", $"/api/credit/entries/{id}/objections", new
                    {
                        filedBy = planned.SubjectName,
                        grounds = "认为处罚决定认定的违规转运次数有误，"
                            + "已提交医疗废物转运台账及GPS轨迹记录，申请核查更正。",
                    }, ct);
                }
                break;
            case EntryGoal.Repaired when entry.Str("status") == "active":
                var repairs = await _api.ReadAllAsync($"/api/credit/repairs?entryId={id}", ct);
                var repair = repairs.FindId(r => r.Str("status") == "submitted")
                    ?? await CreateAsync("credit repairs", $"/api/credit/entries/{id}/repairs", new
                    {
                        applicant = planned.SubjectName,
                        proofOfCorrection = "已补办《医疗机构执业许可证》诊疗科目变更登记；"
                            + "消毒供应室经县卫生监督所复查合格；罚款已缴清。",
                        commitment = "本单位承诺依法诚信执业，自觉接受社会监督，"
                            + "如有违反愿承担相应法律责任。",
                        commitmentSigned = true,
                    }, ct);
                (await _api.PostAsync($"/api/credit/repairs/{repair}/decision",
                    new
                    {
                        approve = true,
                        reply = "经审核，整改到位，信用承诺已签署，同意信用修复，即日起停止公示。",
                    }, ct)).Expect(HttpStatusCode.OK);
                Count("credit repair-decisions");
                break;
        }
    }

    private async Task<JsonElement> TransitionAsync(Guid entry, string action, string reason, CancellationToken ct)
    {
        var reply = (await _api.PostAsync($"/api/credit/entries/{entry}/{action}", new { reason }, ct)).Expect(HttpStatusCode.OK);
        Count($"credit {action}-steps");
        return reply;
    }

    private async Task RevokeEntryAsync(Guid entry, CancellationToken ct) =>
        await TransitionAsync(entry, "revoke", "经行政复议，原处罚决定被依法撤销，撤销失信信息。", ct);
}
