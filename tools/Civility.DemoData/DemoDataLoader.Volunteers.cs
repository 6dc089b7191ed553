using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Civility.Domain.Time;

namespace Civility.DemoData;

/// <summary>The volunteer service's ids of the demo volunteers, by name, with their volunteer numbers.</summary>
internal sealed record VolunteerIds(Dictionary<string, Guid> ByName, Dictionary<string, string> Numbers);

public sealed partial class DemoDataLoader
{
    /// <summary>
    /// A planned service record and what becomes of it: approved, left pending (not confirmed yet), declined, or approved and voided.
    /// </summary>
    private sealed record PlannedRecord(DemoVolunteer Volunteer, DateOnly Date, decimal Hours, string Content, RecordFate Fate);

    private enum RecordFate { Approve, Pending, Decline, Void }

    private static readonly decimal[] RecordSizes = [4m, 6m, 3m, 5m, 8m, 2.5m, 4.5m, 6m, 3.5m, 5m];

    private async Task<VolunteerIds> LoadVolunteersAsync(CancellationToken ct)
    {
        // 1. Units with their unified social credit codes and this year's headcounts.
        var existing = (await _api.ReadAsync("/api/volunteers/units", ct)).EnumerateArray().ToDictionary(u => u.Str("code"));
        foreach (var unit in DemoDataSet.Units)
        {
            if (!existing.TryGetValue(unit.Code, out var found))
            {
                var created = await _api.PostAsync("/api/volunteers/units",
                    new { code = unit.Code, name = unit.Name, creditCode = unit.CreditCode }, ct);
                found = created.Status == HttpStatusCode.Conflict
                    ? (await _api.ReadAsync("/api/volunteers/units", ct)).EnumerateArray().Single(u => u.Str("code") == unit.Code)
                    : created.Expect(HttpStatusCode.Created);
                if (created.Status == HttpStatusCode.Created) Count("volunteers units");
                existing[unit.Code] = found;
            }
            if (unit.Code == DemoDataSet.MarkerUnit)
                Anchor = CountyClock.CountyDate(found.GetProperty("createdAt").GetDateTimeOffset());
        }
        foreach (var unit in DemoDataSet.Units)
            (await _api.PutAsync($"/api/volunteers/units/{existing[unit.Code].Id()}/headcounts/{Year}",
                    new { headcount = unit.Headcount }, ct))
                .Expect(HttpStatusCode.OK);

        // 2. Volunteers, registered by real name; a second registration of the same person answers 409 with its id.
        var ids = new VolunteerIds([], []);
        foreach (var volunteer in DemoDataSet.Volunteers)
        {
            var person = volunteer.Person;
            var reply = await _api.PostAsync("/api/volunteers", new
            {
                name = person.Name, idNumber = person.IdNumber, phone = person.Phone, unitCode = volunteer.UnitCode,
                isStaffOfUnit = volunteer.Staff, skills = volunteer.Skills,
            }, ct);
            var body = reply.Expect(HttpStatusCode.Created, HttpStatusCode.Conflict);
            if (reply.Status == HttpStatusCode.Created) Count("volunteers volunteers");
            else body = await _api.ReadAsync($"/api/volunteers/{body.GetProperty("existingId").GetGuid()}", ct);
            ids.ByName[person.Name] = body.Id();
            ids.Numbers[person.Name] = body.Str("number");
        }

        // 3. Teams, projects, and activities with sign-ups (a waitlist, a cancellation that promotes) and check-ins.
        await LoadTeamsAndProjectsAsync(ids, ct);

        // 4. This year's service hours: one CSV import (resending it changes nothing), then the unit confirms most of them.
        await LoadHoursAsync(ids, ct);
        return ids;
    }

    private async Task LoadTeamsAndProjectsAsync(VolunteerIds ids, CancellationToken ct)
    {
        var teams = (await _api.ReadAsync("/api/volunteers/teams", ct)).EnumerateArray().ToList();
        var teamIds = new Dictionary<string, Guid>();
        foreach (var (unit, name, leader) in new[]
        {
            (DemoDataSet.Hosp, "县人民医院“白衣天使”志愿服务队", "李建国"),
            (DemoDataSet.Tcm, "县中医院“岐黄”志愿服务队", "周建华"),
            (DemoDataSet.Cdc, "县疾控中心“防疫先锋”志愿服务队", "刘志强"),
            (DemoDataSet.Mch, "县妇幼保健院“巾帼”志愿服务队", "韩梅"),
        })
        {
            teamIds[unit] = teams.FindId(t => t.Str("name") == name) ?? await CreateAsync("volunteers teams", "/api/volunteers/teams",
                new { name, unitCode = unit, leaderVolunteerId = ids.ByName[leader] }, ct);
        }

        var now = CountyClock.ToCounty(_clock.GetUtcNow());
        var today = CountyClock.StartOfCountyDay(_clock.CountyToday());
        var projects = new (string Unit, string Name, string Category, string? Campaign, Func<Guid, Task>? Activities)[]
        {
            (DemoDataSet.Hosp, "“我们的节日·重阳”敬老义诊", "elderly-care", "我们的节日", null),
            (DemoDataSet.Hosp, "社区慢病健康管理服务", "medical-service-in-communities", null, async project =>
            {
                // Next week, six places for eight volunteers: two wait; one cancels and the first in line moves up.
                var activity = await ActivityAsync(project, "城东社区慢病随访与血压测量", "城东社区卫生服务站",
                    today.AddDays(5).AddHours(8.5), today.AddDays(5).AddHours(11.5), 6, ct);
                foreach (var name in new[] { "王志刚", "张丽华", "刘洋", "杨静", "赵伟", "周婷", "吴海燕", "冯晓梅" })
                    await SignUpAsync(activity, ids.ByName[name], ct);
                Tolerate(await _api.DeleteAsync($"/api/volunteers/activities/{activity}/sign-ups/{ids.ByName["杨静"]}", ct),
                    "cancel a sign-up");
            }),
            (DemoDataSet.Tcm, "中医药文化进校园", "minors-health-education", null, async project =>
            {
                var activity = await ActivityAsync(project, "中医药文化进校园·城关小学", "城关小学报告厅",
                    today.AddDays(12).AddHours(14), today.AddDays(12).AddHours(16), 4, ct);
                foreach (var name in new[] { "周建华", "胡晓东", "高俊" }) await SignUpAsync(activity, ids.ByName[name], ct);
            }),
            (DemoDataSet.Cdc, "流感疫苗接种志愿服务", "epidemic-prevention", null, async project =>
            {
                // Under way now: started an hour ago, four of the five have checked in (check-out records their hours).
                var activity = await ActivityAsync(project, "流感疫苗接种现场引导（县体育馆接种点）",
                    "县体育馆临时接种点", now.AddHours(-1), now.AddHours(3), 5, ct);
                foreach (var name in new[] { "刘志强", "梁雪", "宋涛", "谢婉清", "许文博" })
                    await SignUpAsync(activity, ids.ByName[name], ct);
                foreach (var name in new[] { "刘志强", "梁雪", "宋涛", "许文博" })
                {
                    var checkIn = await _api.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{ids.ByName[name]}/check-in",
                        null, ct);
                    Tolerate(checkIn, "check in");
                    if (checkIn.Status == HttpStatusCode.OK) Count("volunteers check-ins");
                }
            }),
            (DemoDataSet.Mch, "留守儿童健康守护行动", "left-behind-children", null, null),
            (DemoDataSet.Health1, "文明交通劝导", "themed-campaign", "文明交通", null),
            (DemoDataSet.Health1, "党员志愿服务日", "party-member-service", null, null),
            (DemoDataSet.Health2, "助残康复上门服务", "disabled-people", null, null),
        };
        foreach (var (unit, name, category, campaign, activities) in projects)
        {
            var existing = (await _api.ReadAsync($"/api/volunteers/projects?unitCode={unit}", ct)).EnumerateArray()
                .FindId(p => p.Str("name") == name);
            if (existing is not null) continue; // Its activities were scheduled with it (there is no list of activities to look in).
            var project = await CreateAsync("volunteers projects", "/api/volunteers/projects",
                new
                {
                    name, category, organizingUnitCode = unit, teamId = teamIds.TryGetValue(unit, out var team) ? team : (Guid?)null,
                    campaign,
                }, ct);
            if (activities is not null) await activities(project);
        }
    }

    /// <summary>Times go in UTC: the volunteer service answers 500 to an offset other than zero (Npgsql refuses to store it).</summary>
    private Task<Guid> ActivityAsync(Guid project, string title, string place, DateTimeOffset startsAt, DateTimeOffset endsAt,
        int capacity, CancellationToken ct) =>
        CreateAsync("volunteers activities", "/api/volunteers/activities", new
        {
            projectId = project, title, place, startsAt = startsAt.ToUniversalTime(), endsAt = endsAt.ToUniversalTime(), capacity,
        }, ct);

    private async Task SignUpAsync(Guid activity, Guid volunteer, CancellationToken ct)
    {
        var reply = await _api.PostAsync($"/api/volunteers/activities/{activity}/sign-ups", new { volunteerId = volunteer }, ct);
        Tolerate(reply, "sign up");
        if (reply.Status == HttpStatusCode.OK) Count("volunteers sign-ups");
    }

    private async Task LoadHoursAsync(VolunteerIds ids, CancellationToken ct)
    {
        var plan = PlanRecords();
        var csv = new StringBuilder("volunteer_number,service_date,hours,content\n");
        foreach (var record in plan)
            csv.Append(CultureInfo.InvariantCulture,
                $"{ids.Numbers[record.Volunteer.Person.Name]},{record.Date:yyyy-MM-dd},{record.Hours},\"{record.Content}\"\n");
        var import = (await _api.SendAsync(HttpMethod.Post, "/api/volunteers/service-records/import",
            () => new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), ct)).Expect(HttpStatusCode.OK);
        if (import.GetProperty("rejected").GetInt32() > 0)
            throw new DemoDataException($"The hours import rejected rows: {import.GetProperty("errors")}");
        Count("volunteers service-records", import.GetProperty("imported").GetInt32());

        static string Key(Guid volunteer, DateOnly date, decimal hours, string content) =>
            string.Create(CultureInfo.InvariantCulture, $"{volunteer}|{date:yyyy-MM-dd}|{hours:0.00}|{content}");
        var fates = plan.GroupBy(r => Key(ids.ByName[r.Volunteer.Person.Name], r.Date, r.Hours, r.Content))
            .ToDictionary(g => g.Key, g => g.First().Fate);
        RecordFate? FateOf(JsonElement r) => fates.TryGetValue(
            Key(r.GetProperty("volunteerId").GetGuid(), DateOnly.Parse(r.Str("serviceDate"), CultureInfo.InvariantCulture),
                r.GetProperty("hours").GetDecimal(), r.Str("content")), out var fate) ? fate : null;

        foreach (var unit in DemoDataSet.Units)
        {
            var pending = await _api.ReadAllAsync($"/api/volunteers/service-records?unitCode={unit.Code}&status=pending", ct);
            var approve = pending.Where(r => FateOf(r) is RecordFate.Approve or RecordFate.Void).Select(r => r.Id()).ToArray();
            if (approve.Length > 0)
            {
                var approved = (await _api.PostAsync("/api/volunteers/service-records/approve", new { ids = approve }, ct))
                    .Expect(HttpStatusCode.OK);
                Count("volunteers approvals", approved.GetProperty("approved").GetInt32());
                foreach (var failure in approved.GetProperty("failed").EnumerateArray())
                    Warn($"approve {failure.GetProperty("id")}: {failure.Str("reason")}");
            }
            foreach (var record in pending.Where(r => FateOf(r) == RecordFate.Decline))
            {
                (await _api.PostAsync($"/api/volunteers/service-records/{record.Id()}/decline",
                    new { reason = "与3日前的导诊记录重复登记，不予确认。" }, ct)).Expect(HttpStatusCode.OK);
                Count("volunteers declines");
            }
        }
        // A wrong record, approved by mistake, is voided with a reason (records are never deleted).
        var voided = plan.Single(r => r.Fate == RecordFate.Void);
        var approvedOfVolunteer = await _api.ReadAllAsync(
            $"/api/volunteers/service-records?volunteerId={ids.ByName[voided.Volunteer.Person.Name]}&status=approved", ct);
        foreach (var record in approvedOfVolunteer.Where(r => FateOf(r) == RecordFate.Void))
        {
            (await _api.PostAsync($"/api/volunteers/service-records/{record.Id()}/void",
                new { reason = "时长登记有误（实际服务2小时），作废后已按实重新登记。" }, ct))
                .Expect(HttpStatusCode.OK);
            Count("volunteers voids");
        }
    }

    /// <summary>Days that a volunteer's planned hours are spread over at least, so that no day holds more than a day's work.</summary>
    private const int MinimumServiceDays = 52;

    /// <summary>
    /// Whether the demo's service falls in the year of <paramref name="anchor"/>: from about March on. Before, the
    /// year has barely begun and the service is spread over the weeks before, partly the year before: the units are
    /// behind for a year just begun, as they would be, and the star volunteer still has his near-100 hours.
    /// </summary>
    public static bool SpreadsOverItsYear(DateOnly anchor) =>
        anchor.AddDays(-8).DayNumber - new DateOnly(anchor.Year, 1, 1).DayNumber >= MinimumServiceDays;

    /// <summary>
    /// Each volunteer's planned hours as records of a few hours spread over the year up to a week ago (see
    /// <see cref="SpreadsOverItsYear"/>); a few recent ones wait for approval; one is declined as a duplicate, one
    /// approved by mistake and voided. No day holds more than the service allows, with the pairing activities' hours
    /// that arrive later: the recent records and the activities' days are booked first, the spread records (at most
    /// <see cref="SpreadDayLimit"/> a day) around them.
    /// </summary>
    private List<PlannedRecord> PlanRecords()
    {
        var records = new List<PlannedRecord>();
        var days = new ServiceDays();
        foreach (var activity in DemoDataSet.PairingActivities.Where(a => a.Days < 0))
            foreach (var (name, hours) in activity.Participants)
                days.Book(name, Day(activity.Days), hours);

        // Recent records are where the story puts them, or the nearest day with room, last year's if need be.
        var yesterday = Anchor.AddDays(-1);
        var recentFrom = Anchor.AddDays(-MinimumServiceDays);
        PlannedRecord Recent(string name, int daysAgo, decimal hours, string? content, RecordFate fate)
        {
            var volunteer = DemoDataSet.Volunteer(name);
            var contents = DemoDataSet.ServiceContents[volunteer.UnitCode];
            var date = days.Place(name, Anchor.AddDays(daysAgo), hours, ServiceDays.DailyLimit, recentFrom, yesterday);
            return new PlannedRecord(volunteer, date, hours, content ?? contents[volunteer.Person.Index % contents.Length], fate);
        }
        // The mistaken record and its correction share their day.
        var mistaken = days.Place("高俊", Anchor.AddDays(-30), 12m, ServiceDays.DailyLimit, recentFrom, yesterday);
        records.Add(new PlannedRecord(DemoDataSet.Volunteer("高俊"), mistaken, 10m, "敬老院中医推拿理疗（时长误登）",
            RecordFate.Void));
        records.Add(new PlannedRecord(DemoDataSet.Volunteer("高俊"), mistaken, 2m, "敬老院中医推拿理疗（更正登记）",
            RecordFate.Approve));
        // Recent service the units have not confirmed yet: two records per unit; and a duplicate to decline.
        foreach (var (name, daysAgo, hours) in new[]
        {
            ("王志刚", -2, 3m), ("周婷", -4, 4m), ("林芳", -3, 3m), ("高俊", -5, 2m), ("梁雪", -2, 4m), ("唐磊", -6, 3m),
            ("韩梅", -1, 2.5m), ("曹颖", -3, 3m), ("袁媛", -2, 4m), ("吕春花", -5, 3m), ("杜小燕", -4, 2m), ("程立", -6, 3m),
        })
            records.Add(Recent(name, daysAgo, hours, null, RecordFate.Pending));
        records.Add(Recent("刘洋", -3, 6m, "门诊大厅导诊志愿服务（重复登记）", RecordFate.Decline));

        var lastDay = Anchor.AddDays(-8);
        var firstDay = SpreadsOverItsYear(Anchor) ? new DateOnly(Year, 1, 1) : lastDay.AddDays(-MinimumServiceDays);
        var span = lastDay.DayNumber - firstDay.DayNumber;
        foreach (var volunteer in DemoDataSet.Volunteers)
        {
            var contents = DemoDataSet.ServiceContents[volunteer.UnitCode];
            var index = volunteer.Person.Index;
            var sizes = new List<decimal>();
            for (var left = volunteer.PlannedHours; left > 0; left -= sizes[^1])
                sizes.Add(Math.Min(left, RecordSizes[(index + sizes.Count) % RecordSizes.Length]));
            for (var k = 0; k < sizes.Count; k++)
            {
                var offset = (int)((long)(k + 1) * span / (sizes.Count + 1)) + index % 5 - 2;
                var date = days.Place(volunteer.Person.Name, firstDay.AddDays(Math.Clamp(offset, 0, span)), sizes[k], SpreadDayLimit,
                    firstDay, lastDay);
                records.Add(new PlannedRecord(volunteer, date, sizes[k], contents[(index + k) % contents.Length], RecordFate.Approve));
            }
        }
        return records;
    }

    /// <summary>A day's work in the spread records: room is left on a day for what a volunteer did besides.</summary>
    private const decimal SpreadDayLimit = 8m;

    /// <summary>POST that must answer 201; counts it and answers the new id.</summary>
    private async Task<Guid> CreateAsync(string what, string path, object body, CancellationToken ct)
    {
        var created = (await _api.PostAsync(path, body, ct)).Expect(HttpStatusCode.Created);
        Count(what);
        return created.Id();
    }
}
