using System.Net;
using System.Security.Cryptography;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.PersonalData;
using Civility.Domain.Time;

namespace Civility.Volunteers.Endpoints;

public static class CertificatesApi
{
    public const string IssuingOrganization = "County Health Bureau volunteer service";

    public sealed record IssueRequest(DateOnly? From, DateOnly? To, string? Handler, string? Contact);

    public sealed record CertificateResponse(
        string Number, string CheckCode, Guid VolunteerId, string VolunteerName, string IdType, string MaskedIdNumber,
        string VolunteerNumber, DateOnly PeriodFrom, DateOnly PeriodTo, decimal Hours, int Records, string Content,
        string IssuingOrganization, string Handler, string Contact, DateTimeOffset IssuedAt);

    /// <summary>What anyone may learn from a genuine certificate: masked identity, hours, period, issuer.</summary>
    public sealed record VerificationResponse(
        bool Genuine, string Number, string MaskedName, string MaskedIdNumber, DateOnly PeriodFrom, DateOnly PeriodTo,
        decimal Hours, string IssuingOrganization, DateTimeOffset IssuedAt);

    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder api)
    {
        var certificates = api.MapGroup("/").WithTags("Certificates");
        certificates.MapPost("/{volunteerId:guid}/certificates", IssueAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Issue a service-record certificate (志愿服务记录证明) for a period")
            .WithDescription("Counts the approved hours of the period at issue time; a record voided later does not change an issued certificate.");
        certificates.MapGet("/certificates/{number}", GetAsync).RequireScope(CivilityScopes.VolunteersRead).WithSummary("A certificate as JSON");
        certificates.MapGet("/certificates/{number}/print", PrintAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("A certificate as a printable HTML page");
        certificates.MapGet("/public/certificates/{number}", VerifyAsync).AllowAnonymous()
            .WithSummary("Verify a certificate by its number and check code (public)")
            .WithDescription("Anyone holding a certificate can check it. Answers only masked fields; a wrong number or code answers 404.");
        return api;
    }

    private static async Task<Results<Created<CertificateResponse>, ValidationProblem, NotFound>> IssueAsync(
        Guid volunteerId, IssueRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var from = check.Required("from", request.From);
        var to = check.Required("to", request.To);
        check.Check(from is null || to is null || from <= to, "to", "The period ends on or after it starts.");
        var handler = check.Text("handler", request.Handler, 100);
        var contact = check.Text("contact", request.Contact, 100);
        if (!check.IsValid) return check.Problem();
        if (await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, cancellationToken) is not { } volunteer
            || !caller.MayAccessUnit(volunteer.UnitCode))
            return TypedResults.NotFound();

        var counted = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.VolunteerId == volunteerId && r.Status == ServiceRecordStatus.Approved && r.ServiceDate >= from && r.ServiceDate <= to)
            .GroupBy(r => r.Content)
            .Select(g => new { Content = g.Key, Hours = g.Sum(r => r.Hours), Records = g.Count() })
            .ToListAsync(cancellationToken);
        var content = string.Join("; ", counted.OrderByDescending(c => c.Hours).Select(c => $"{c.Content} ({c.Hours} h)"));
        var now = clock.GetUtcNow();
        var number = $"VC{CountyClock.CountyDate(now):yyyy}{await db.NextAsync(VolunteersDbContext.CertificateNumbers, cancellationToken):D6}";
        var certificate = new Certificate(number, CheckCode(), volunteer, from!.Value, to!.Value, counted.Sum(c => c.Hours),
            counted.Sum(c => c.Records), content.Length > 2000 ? content[..2000] : content, IssuingOrganization, handler, contact, now);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/volunteers/certificates/{number}", ToResponse(certificate));
    }

    private static async Task<Results<Ok<CertificateResponse>, NotFound>> GetAsync(string number, VolunteersDbContext db, CallerContext caller) =>
        await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number) is { } certificate && caller.MayAccessUnit(certificate.UnitCode)
            ? TypedResults.Ok(ToResponse(certificate))
            : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> PrintAsync(string number, VolunteersDbContext db, CallerContext caller)
    {
        if (await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number) is not { } c || !caller.MayAccessUnit(c.UnitCode))
            return TypedResults.NotFound();
        static string E(object value) => WebUtility.HtmlEncode(value.ToString() ?? "");
        var html = $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>志愿服务记录证明 {{E(c.Number)}}</title>
            <style>body{font-family:serif;max-width:42em;margin:3em auto;line-height:1.8}h1{text-align:center}td{padding:.2em 1em}</style></head>
            <body><h1>志愿服务记录证明</h1>
            <p>兹证明 <strong>{{E(c.VolunteerName)}}</strong>（证件类型：居民身份证，证件号码：{{E(c.MaskedIdNumber)}}，志愿者编号：{{E(c.VolunteerNumber)}}），
            于 {{E(c.PeriodFrom.ToString("yyyy-MM-dd"))}} 至 {{E(c.PeriodTo.ToString("yyyy-MM-dd"))}} 期间参加志愿服务，累计服务时长 <strong>{{E(c.Hours)}}</strong> 小时。</p>
            <p>服务内容：{{E(c.Content)}}</p>
            <table><tr><td>出具单位</td><td>{{E(c.IssuingOrganization)}}</td></tr><tr><td>经办人</td><td>{{E(c.Handler)}}</td></tr>
            <tr><td>联系方式</td><td>{{E(c.Contact)}}</td></tr><tr><td>证明编号</td><td>{{E(c.Number)}}</td></tr>
            <tr><td>校验码</td><td>{{E(c.CheckCode)}}</td></tr><tr><td>出具日期</td><td>{{E(CountyClock.CountyDate(c.IssuedAt).ToString("yyyy-MM-dd"))}}</td></tr></table>
            <p><small>可凭证明编号与校验码在线核验。</small></p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<VerificationResponse>, NotFound>> VerifyAsync(string number, string? code, VolunteersDbContext db)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number);
        if (certificate is null || code is null
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(certificate.CheckCode), System.Text.Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())))
            return TypedResults.NotFound();
        return TypedResults.Ok(new VerificationResponse(true, certificate.Number, Civility.Domain.PersonalData.Masking.Name(certificate.VolunteerName),
            certificate.MaskedIdNumber, certificate.PeriodFrom, certificate.PeriodTo, certificate.Hours, certificate.IssuingOrganization, certificate.IssuedAt));
    }

    /// <summary>Eight characters without look-alikes: the number alone is guessable, the pair is not.</summary>
    private static string CheckCode() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8);

    private static CertificateResponse ToResponse(Certificate c) => new(c.Number, c.CheckCode, c.VolunteerId, c.VolunteerName, c.IdType,
        c.MaskedIdNumber, c.VolunteerNumber, c.PeriodFrom, c.PeriodTo, c.Hours, c.Records, c.Content, c.IssuingOrganization, c.Handler,
        c.Contact, c.IssuedAt);
}
