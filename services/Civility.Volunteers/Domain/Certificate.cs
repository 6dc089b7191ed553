using System.Security.Cryptography;
using System.Text;

namespace Civility.Volunteers.Domain;

/// <summary>
/// A service-record certificate (志愿服务记录证明), numbered and verifiable by anyone with its number and check
/// code. Everything it states is copied when it is issued, so a record voided later does not silently change it.
/// </summary>
public sealed class Certificate
{
    private Certificate() { }

    public Certificate(string number, string checkCode, Volunteer volunteer, DateOnly from, DateOnly to,
        decimal hours, int records, string content, string issuingOrganization, string handler, string contact, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        CheckCode = checkCode;
        VolunteerId = volunteer.Id;
        UnitCode = volunteer.UnitCode;
        VolunteerName = volunteer.Name;
        MaskedIdNumber = volunteer.MaskedIdNumber;
        VolunteerNumber = volunteer.Number;
        PeriodFrom = from;
        PeriodTo = to;
        Hours = hours;
        Records = records;
        Content = content;
        IssuingOrganization = issuingOrganization;
        Handler = handler;
        Contact = contact;
        IssuedAt = now;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public string CheckCode { get; private set; } = "";

    public Guid VolunteerId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public string VolunteerName { get; private set; } = "";

    /// <summary>The ID type is always the resident identity card (居民身份证) here.</summary>
    public string IdType => "resident-identity-card";

    public string MaskedIdNumber { get; private set; } = "";

    public string VolunteerNumber { get; private set; } = "";

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public decimal Hours { get; private set; }

    public int Records { get; private set; }

    /// <summary>What the service was: the projects and contents of the records counted.</summary>
    public string Content { get; private set; } = "";

    public string IssuingOrganization { get; private set; } = "";

    public string Handler { get; private set; } = "";

    public string Contact { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Eight characters without look-alikes: the number alone is guessable, the pair is not.</summary>
    public static string NewCheckCode() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8);

    /// <summary>Whether <paramref name="code"/> is this certificate's check code (any case), compared in constant time.</summary>
    public bool Verifies(string? code) =>
        code is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(CheckCode),
            Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()));
}
