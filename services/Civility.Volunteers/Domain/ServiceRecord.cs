using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Civility.Domain;

namespace Civility.Volunteers.Domain;

public enum ServiceRecordStatus { Pending, Approved, Declined, Voided }

/// <summary>Where the hours come from: an activity's check-out, a pairing activity, an organizer's entry, an import.</summary>
public enum ServiceRecordSource { Activity, PairingActivity, Manual, Import }

/// <summary>
/// Hours of actual service (travel excluded) by one volunteer (志愿服务记录). Append-only: a record is decided once
/// (approved or declined, with a reason for a decline) and a wrong approved record is voided with a reason, never
/// edited or deleted — the database role may not delete these rows at all.
/// </summary>
public sealed class ServiceRecord : AggregateRoot
{
    private ServiceRecord() { }

    /// <param name="unitCode">The volunteer's unit: where the hours count and are approved.</param>
    /// <param name="originUnitCode">The unit whose activity, pairing activity or entry the hours come from.</param>
    /// <param name="servedFrom">
    /// When the service started and ended, for hours that have a time (an activity's check-out, an entry with times).
    /// </param>
    public ServiceRecord(Guid volunteerId, string unitCode, string originUnitCode, ServiceRecordSource source, string? sourceReference,
        DateOnly serviceDate, decimal hours, string content, string recordedBy, DateTimeOffset now, ServicePeriod? servedFrom = null)
    {
        if (HoursProblem(hours) is { } problem) throw DomainRuleException.Rule(problem);
        Id = Guid.CreateVersion7();
        VolunteerId = volunteerId;
        UnitCode = unitCode;
        OriginUnitCode = originUnitCode;
        StartedAt = servedFrom?.Start;
        EndedAt = servedFrom?.End;
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
    /// The identity of an imported row: the MD5 of "volunteer number|yyyy-MM-dd|hours to the hundredth|content" in
    /// UTF-8, in hex. The same row sent again has the same key, so a resent file adds nothing; keys of rows imported
    /// before must keep matching, so this text may never change. Built without intermediate strings: an import
    /// computes a million of these.
    /// </summary>
    public static string ImportKey(string volunteerNumber, DateOnly serviceDate, decimal hours, string content)
    {
        var length = Encoding.UTF8.GetMaxByteCount(volunteerNumber.Length + content.Length) + 64;
        byte[]? rented = null;
        var text = length <= 2048 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(volunteerNumber, text);
        text[written++] = (byte)'|';
        written += WriteIsoDate(serviceDate, text[written..]);
        text[written++] = (byte)'|';
        hours.TryFormat(text[written..], out var hoursLength, "0.00", CultureInfo.InvariantCulture);
        written += hoursLength;
        text[written++] = (byte)'|';
        written += Encoding.UTF8.GetBytes(content, text[written..]);
        Span<byte> hash = stackalloc byte[16];
        MD5.HashData(text[..written], hash);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return Convert.ToHexStringLower(hash);
    }

    private static int WriteIsoDate(DateOnly date, Span<byte> destination)
    {
        Digits(date.Year, destination[..4]);
        destination[4] = (byte)'-';
        Digits(date.Month, destination[5..7]);
        destination[7] = (byte)'-';
        Digits(date.Day, destination[8..10]);
        return 10;

        static void Digits(int value, Span<byte> destination)
        {
            for (var i = destination.Length - 1; i >= 0; i--, value /= 10) destination[i] = (byte)('0' + value % 10);
        }
    }

    public Guid Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    /// <summary>The volunteer's unit: the hours count for it, and only it (or an admin) approves them.</summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>
    /// The unit that recorded the hours; another unit than <see cref="UnitCode"/> for a pairing or another unit's activity.
    /// </summary>
    public string OriginUnitCode { get; private set; } = "";

    /// <summary>Whether another unit recorded these hours: they wait for an approver of the volunteer's own unit.</summary>
    public bool FromAnotherUnit => OriginUnitCode != UnitCode;

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public ServicePeriod? Period => ServicePeriod.From(StartedAt, EndedAt);

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

    /// <summary>
    /// Why hours delivered by an event wait here instead of being approved at once: another unit recorded them, the
    /// volunteer is inactive, or a plausibility rule is broken. Such hours are kept, never dropped.
    /// </summary>
    public string? HeldReason { get; private set; }

    /// <summary>
    /// Whether the hours counted as the unit's staff hours (or as other hours) when approved, so a void takes them from the
    /// same figure.
    /// </summary>
    public bool? CountedAsStaff { get; private set; }

    /// <summary>Approved with many others in one bulk approval.</summary>
    public bool ApprovedInBulk { get; private set; }

    /// <summary>Optimistic concurrency: of two decisions on one record, one commits and the other finds it decided.</summary>
    public uint Version { get; private set; }

    public void Hold(string reason) => HeldReason = reason;

    public void Approve(string actor, bool volunteerIsStaff, bool inBulk, DateTimeOffset now)
    {
        Require(ServiceRecordStatus.Pending, "approve");
        Status = ServiceRecordStatus.Approved;
        CountedAsStaff = volunteerIsStaff;
        ApprovedInBulk = inBulk;
        DecidedBy = actor;
        DecidedAt = now;
        Record(new ServiceHoursApproved(this));
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
        Record(new ServiceRecordVoided(this, reason));
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

/// <summary>When a service started and ended (UTC instants).</summary>
public readonly record struct ServicePeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The period of a record that has both times, or null.</summary>
    public static ServicePeriod? From(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } from && end is { } to ? new ServicePeriod(from, to) : null;

    public decimal Hours => (decimal)(End - Start).TotalMinutes / 60m;

    public bool Overlaps(ServicePeriod other) => Start < other.End && other.Start < End;
}
