using System.Net;
using Civility.Domain.PersonalData;
using Civility.Domain.Time;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class CertificatesApi
{
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
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Issue a service-record certificate (志愿服务记录证明) for a period")
            .WithDescription(
                "Counts the approved hours of the period at issue time; a record voided later does not change an issued certificate.");
        certificates.MapGet("/certificates/{number}", GetAsync).RequireScope(CivilityScopes.VolunteersRead)
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A certificate as JSON");
        certificates.MapGet("/certificates/{number}/print", PrintAsync).RequireScope(CivilityScopes.VolunteersRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A certificate as a printable HTML page");
        certificates.MapGet("/public/certificates/{number}", VerifyAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Verify a certificate by its number and check code (public)")
            .WithDescription("Anyone holding a certificate can check it. Answers only masked fields; a wrong number or code answers 404.");
        return api;
    }

    private static async Task<Results<Created<CertificateResponse>, ValidationProblem>> IssueAsync(
        Guid volunteerId, IssueRequest request, IssueCertificate issueCertificate, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var from = check.Required("from", request.From);
        var to = check.Required("to", request.To);
        check.Check(from is null || to is null || from <= to, "to", "The period ends on or after it starts.");
        var handler = check.Text("handler", request.Handler, 100);
        var contact = check.Text("contact", request.Contact, 100);
        if (!check.IsValid) return check.Problem();
        var certificate = await issueCertificate.ExecuteAsync(volunteerId, from!.Value, to!.Value, handler, contact, cancellationToken);
        return TypedResults.Created($"/api/volunteers/certificates/{certificate.Number}", ToResponse(certificate));
    }

    private static async Task<Ok<CertificateResponse>> GetAsync(string number, CertificateQueries certificates,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await certificates.ByNumberAsync(number, cancellationToken)));

    private static async Task<ContentHttpResult> PrintAsync(string number, CertificateQueries certificates, HttpRequest request,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        var c = await certificates.ByNumberAsync(number, cancellationToken);
        var verifyUrl = CertificateQrCode.VerificationUrl(request, configuration, c.Number, c.CheckCode);
        static string E(object value) => WebUtility.HtmlEncode(value.ToString() ?? "");
        var (from, to) = (E(c.PeriodFrom.ToString("yyyy-MM-dd")), E(c.PeriodTo.ToString("yyyy-MM-dd")));
        var issued = E(CountyClock.CountyDate(c.IssuedAt).ToString("yyyy-MM-dd"));
        var html = $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>志愿服务记录证明 {{E(c.Number)}}</title>
            <style>body{font-family:serif;max-width:42em;margin:3em auto;line-height:1.8}
            h1{text-align:center}td{padding:.2em 1em}</style></head>
            <body><h1>志愿服务记录证明</h1>
            <p>兹证明 <strong>{{E(c.VolunteerName)}}</strong>（证件类型：居民身份证，证件号码：{{E(c.MaskedIdNumber)}}，志愿者编号：{{E(c.VolunteerNumber)}}），
            于 {{from}} 至 {{to}} 期间参加志愿服务，累计服务时长 <strong>{{E(c.Hours)}}</strong> 小时。</p>
            <p>服务内容：{{E(c.Content)}}</p>
            <table><tr><td>出具单位</td><td>{{E(c.IssuingOrganization)}}</td></tr><tr><td>经办人</td><td>{{E(c.Handler)}}</td></tr>
            <tr><td>联系方式</td><td>{{E(c.Contact)}}</td></tr><tr><td>证明编号</td><td>{{E(c.Number)}}</td></tr>
            <tr><td>校验码</td><td>{{E(c.CheckCode)}}</td></tr><tr><td>出具日期</td><td>{{issued}}</td></tr></table>
            <p><img id="verify-qr" src="{{CertificateQrCode.PngDataUri(verifyUrl)}}" width="180" height="180"
              alt="核验二维码：{{E(verifyUrl)}}"></p>
            <p><small>扫描二维码，或凭证明编号与校验码在线核验：{{E(verifyUrl)}}</small></p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<Ok<VerificationResponse>> VerifyAsync(string number, string? code, CertificateQueries certificates,
        CancellationToken cancellationToken)
    {
        var certificate = await certificates.VerifiedAsync(number, code, cancellationToken);
        return TypedResults.Ok(new VerificationResponse(true, certificate.Number, Masking.Name(certificate.VolunteerName),
            certificate.MaskedIdNumber, certificate.PeriodFrom, certificate.PeriodTo, certificate.Hours, certificate.IssuingOrganization,
            certificate.IssuedAt));
    }

    private static CertificateResponse ToResponse(Certificate c) => new(c.Number, c.CheckCode, c.VolunteerId, c.VolunteerName, c.IdType,
        c.MaskedIdNumber, c.VolunteerNumber, c.PeriodFrom, c.PeriodTo, c.Hours, c.Records, c.Content, c.IssuingOrganization, c.Handler,
        c.Contact, c.IssuedAt);
}
