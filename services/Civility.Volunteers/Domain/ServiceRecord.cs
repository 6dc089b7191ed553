using Civility.Hosting.Http;

namespace Civility.Volunteers.Domain;

public enum ServiceRecordStatus { Pending, Approved, Declined, Voided }

/// <summary>Where the hours come from: an activity's check-out, a pairing activity, an organizer's entry, an import.</summary>
public enum ServiceRecordSource { Activity, PairingActivity, Manual, Import }

/// <summary>
/// Hours of actual service (travel excluded) by one volunteer (志愿服务记录). Append-only: a record is decided once
/// (approved or declined, with a reason for a decline) and a wrong approved record is voided with a reason, never
/// edited or deleted — the database role may not delete these rows at all.
/// </summary>
public sealed class ServiceRecord
{
    private ServiceRecord() { }

    public ServiceRecord(Guid volunteerId, string unitCode, ServiceRecordSource source, string? sourceReference,
        DateOnly serviceDate, decimal hours, string content, string recordedBy, DateTimeOffset now)
    {
        if (HoursProblem(hours) is { } problem) throw DomainRuleException.Rule(problem);
        Id = Guid.CreateVersion7();
        VolunteerId = volunteerId;
        UnitCode = unitCode;
        Source = source;
        SourceReference = sourceReference;
        ServiceDate = serviceDate;
        Hours = decimal.Round(hours, 2);
        Content = content;
        RecordedBy = recordedBy;
        RecordedAt = now;
        Status = ServiceRecordStatus.Pending;
    }

    /// <summary>Why these hours cannot make one record, or null when they can.</summary>
    public static string? HoursProblem(decimal hours) =>
        hours is <= 0 or > 24 ? "Hours of one record are more than 0 and at most 24." : null;

    /// <summary>
    /// The identity of an imported row (volunteer number, date, hours to the hundredth, content): the same row sent
    /// again has the same key, so a resent file adds nothing.
    /// </summary>
    public static string ImportKey(string volunteerNumber, DateOnly serviceDate, decimal hours, string content)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{volunteerNumber}|{serviceDate:yyyy-MM-dd}|{hours:0.00}|{content}");
        return Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    public Guid Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public ServiceRecordSource Source { get; private set; }

    /// <summary>The activity, pairing activity or import batch the hours came from; unique per volunteer and source.</summary>
    public string? SourceReference { get; private set; }

    public DateOnly ServiceDate { get; private set; }

    public decimal Hours { get; private set; }

    public string Content { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public ServiceRecordStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    public string? VoidedBy { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public string? VoidReason { get; private set; }

    public void Approve(string actor, DateTimeOffset now)
    {
        Require(ServiceRecordStatus.Pending, "approve");
        Status = ServiceRecordStatus.Approved;
        DecidedBy = actor;
        DecidedAt = now;
    }

    public void Decline(string reason, string actor, DateTimeOffset now)
    {
        Require(ServiceRecordStatus.Pending, "decline");
        Status = ServiceRecordStatus.Declined;
        DeclineReason = reason;
        DecidedBy = actor;
        DecidedAt = now;
    }

    public void Void(string reason, string actor, DateTimeOffset now)
    {
        Require(ServiceRecordStatus.Approved, "void");
        Status = ServiceRecordStatus.Voided;
        VoidReason = reason;
        VoidedBy = actor;
        VoidedAt = now;
    }

    public IReadOnlyList<string> AllowedActions => Status switch
    {
        ServiceRecordStatus.Pending => ["approve", "decline"],
        ServiceRecordStatus.Approved => ["void"],
        _ => [],
    };

    private void Require(ServiceRecordStatus state, string action)
    {
        if (Status != state)
            throw DomainRuleException.IllegalTransition("The service record", Status.ToString().ToLowerInvariant(), action, AllowedActions);
    }
}

/// <summary>
/// Approved hours of a unit in a year, maintained by every approval and void: the targets report reads these few rows
/// instead of summing every service record.
/// </summary>
public sealed class UnitYearHours
{
    private UnitYearHours() { }

    public UnitYearHours(string unitCode, int year)
    {
        UnitCode = unitCode;
        Year = year;
    }

    public string UnitCode { get; private set; } = "";

    public int Year { get; private set; }

    public decimal ApprovedHours { get; private set; }

    public void Add(decimal hours) => ApprovedHours += hours;

    public void Subtract(decimal hours) => ApprovedHours -= hours;
}
