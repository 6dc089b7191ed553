using Civility.CreditList.Application.Calendar;
using Civility.CreditList.Domain.Calendar;
using Civility.Domain;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.CreditList.Endpoints;

/// <summary>
/// The working-day calendar that every deadline is counted on: read by anyone (it is the State Council's, public);
/// each year's notice loaded by an administrator. A year with no notice is provisional, never an error.
/// </summary>
public static class CalendarApi
{
    public sealed record NoticeSource(string? Number, string? Title, DateOnly? PublishedOn);

    public sealed record HolidayRequest(string? Name, DateOnly? From, DateOnly? To);

    /// <summary>A year's notice (放假调休安排); <c>reason</c> is required to replace a year that is official already.</summary>
    public sealed record PutYearRequest(
        NoticeSource? Source, List<HolidayRequest?>? Holidays, List<DateOnly?>? MakeUpWorkingDays, string? Reason);

    public sealed record DayResponse(DateOnly Date, string Weekday, string Kind, string Name);

    public sealed record StatutoryDayResponse(DateOnly Date, string Name, string ChineseName);

    /// <summary>
    /// <c>status</c>: official (from its notice, <c>source</c>) or provisional (weekends and the statutory holidays
    /// only, until the notice is loaded). <c>missingStatutoryHolidays</c>: statutory days an official notice does not
    /// give as holidays, to check the transcription against.
    /// </summary>
    public sealed record YearResponse(int Year, string Status, NoticeSource? Source, string? LoadedBy, DateTimeOffset? LoadedAt,
        string? ReplacementReason, IReadOnlyList<DayResponse> Days, IReadOnlyList<StatutoryDayResponse> StatutoryHolidays,
        IReadOnlyList<StatutoryDayResponse> MissingStatutoryHolidays);

    public sealed record RecountResponse(
        Guid EntryId, Guid? CaseId, string Deadline, DateOnly Given, DateOnly Counted, DateOnly Due, bool Provisional);

    public sealed record PutYearResponse(YearResponse Calendar, bool Replaced, IReadOnlyList<RecountResponse> Recounted);

    /// <summary>The county's date now as the service counts it, and what kind of day it is.</summary>
    public sealed record TodayResponse(DateOnly Date, DateTimeOffset Now, string Weekday, bool WorkingDay, string Calendar);

    public sealed record YearSummary(int Year, string Status, NoticeSource? Source);

    /// <summary><c>officialDaysAhead</c>: days after today still counted on a notice; fewer than 60 and the health check warns.</summary>
    public sealed record OverviewResponse(
        DateOnly Today, DateOnly? OfficialThrough, int OfficialDaysAhead, IReadOnlyList<YearSummary> Years);

    /// <summary>The earliest year a notice may be loaded for or asked about.</summary>
    private const int FirstYear = 2000;

    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGet("/", OverviewAsync).WithSummary("Years loaded, and how far ahead the official calendar reaches (anyone)")
            .AllowAnonymous();
        calendar.MapGet("/today", TodayAsync).WithSummary("The county's date and whether it is a working day (anyone)").AllowAnonymous();
        calendar.MapGet("/{year:int}", GetYearAsync)
            .WithSummary("A year's holidays and make-up working days, official or provisional (anyone)").AllowAnonymous();
        calendar.MapPut("/{year:int}", PutYearAsync)
            .WithSummary("Load a year's State Council notice; open deadlines counted through it are counted again")
            .RequireScope(CivilityScopes.Admin);
        return api;
    }

    private static async Task<Ok<OverviewResponse>> OverviewAsync(ReadCalendarOverview read, CancellationToken cancellationToken)
    {
        var overview = await read.ExecuteAsync(cancellationToken);
        var calendar = overview.Calendar;
        var years = overview.Years.Select(y =>
            new YearSummary(y, KebabName.Of(calendar.StatusOf(y)), calendar.Official(y) is { } o ? SourceOf(o) : null)).ToList();
        return TypedResults.Ok(new OverviewResponse(overview.Today, overview.Coverage.OfficialThrough, overview.Coverage.DaysAhead, years));
    }

    private static async Task<Ok<TodayResponse>> TodayAsync(ReadCalendarToday read, CancellationToken cancellationToken)
    {
        var day = await read.ExecuteAsync(cancellationToken);
        return TypedResults.Ok(new TodayResponse(day.Today, day.Now, Weekday(day.Today), day.WorkingDay, KebabName.Of(day.Calendar)));
    }

    private static async Task<Results<Ok<YearResponse>, ValidationProblem>> GetYearAsync(
        int year, ReadCalendar read, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        v.Range("year", year, FirstYear, WorkingDayCalendar.LastProvisionalYear);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await read.ExecuteAsync(cancellationToken), year));
    }

    private static async Task<Results<Ok<PutYearResponse>, Created<PutYearResponse>, ValidationProblem>> PutYearAsync(
        int year, PutYearRequest request, LoadHolidayNotice load, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        v.Range("year", year, FirstYear, WorkingDayCalendar.LastProvisionalYear);
        var number = v.Text("source.number", request.Source?.Number, 100);
        var title = v.OptionalText("source.title", request.Source?.Title, 200)
            ?? $"国务院办公厅关于{year}年部分节假日安排的通知";
        var publishedOn = v.Required("source.publishedOn", request.Source?.PublishedOn);
        var holidays = new List<HolidayRange>();
        if (request.Holidays is not { Count: > 0 }) v.Add("holidays", "A notice gives at least one holiday.");
        foreach (var (holiday, i) in (request.Holidays ?? []).Select((h, i) => (h, i)))
        {
            var name = v.Text($"holidays[{i}].name", holiday?.Name, 100);
            var from = v.Required($"holidays[{i}].from", holiday?.From);
            var to = v.Required($"holidays[{i}].to", holiday?.To);
            if (from is { } f && to is { } t) holidays.Add(new HolidayRange(name, f, t));
        }
        var makeUp = new List<DateOnly>();
        foreach (var (day, i) in (request.MakeUpWorkingDays ?? []).Select((d, i) => (d, i)))
            if (v.Required($"makeUpWorkingDays[{i}]", day) is { } d) makeUp.Add(d);
        var reason = v.OptionalText("reason", request.Reason, 2000);
        if (v.IsValid)
            foreach (var (field, message) in OfficialCalendarYear.Problems(year, holidays, makeUp)) v.Add(field, message);
        if (!v.IsValid) return v.Problem();

        var notice = new HolidayNotice(number, title, publishedOn!.Value);
        var loaded = await load.ExecuteAsync(new HolidayNoticeInput(year, notice, holidays, makeUp, reason), cancellationToken);
        var response = new PutYearResponse(ToResponse(new WorkingDayCalendar([loaded.Year]), year), loaded.Replaced,
            [.. loaded.Recounted.Select(r => new RecountResponse(r.EntryId, r.CaseId, KebabName.Of(r.Recount.Kind), r.Recount.Given,
                r.Recount.Counted, r.Recount.Due, r.Recount.Count.Provisional))]);
        return loaded.Replaced ? TypedResults.Ok(response) : TypedResults.Created($"/api/credit/calendar/{year}", response);
    }

    private static YearResponse ToResponse(WorkingDayCalendar calendar, int year)
    {
        var official = calendar.Official(year);
        var days = calendar.DaysOf(year);
        // The statutory days are those of the regulation as amended in 2024; a year before it had others.
        List<StatutoryDayResponse> statutory = year < WorkingDayCalendar.FirstProvisionalYear ? []
            : [.. StatutoryHolidays.Of(year).Select(h => new StatutoryDayResponse(h.Date, h.Name, h.ChineseName))];
        var holidays = days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        return new YearResponse(year, KebabName.Of(calendar.StatusOf(year)), official is null ? null : SourceOf(official),
            official?.LoadedBy, official?.LoadedAt, official?.ReplacementReason,
            [.. days.Select(d => new DayResponse(d.Date, Weekday(d.Date), KebabName.Of(d.Kind), d.Name))], statutory,
            [.. statutory.Where(s => !holidays.Contains(s.Date))]);
    }

    private static NoticeSource SourceOf(OfficialCalendarYear year) => new(year.NoticeNumber, year.NoticeTitle, year.NoticePublishedOn);

    private static string Weekday(DateOnly day) => day.DayOfWeek.ToString().ToLowerInvariant();
}
