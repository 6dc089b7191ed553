using Civility.Domain;
using Civility.Domain.PersonalData;

namespace Civility.Volunteers.Domain;

public enum VolunteerStatus { Active, Inactive }

/// <summary>
/// A real-name registered volunteer (实名注册). One person, one registration: the ID number's keyed hash is unique.
/// The number itself is kept encrypted and only ever shown masked; the approved-hours total is kept here, maintained
/// by approvals and voids, so star levels and certificates never sum a million rows.
/// </summary>
public sealed class Volunteer : AggregateRoot
{
    private readonly List<VolunteerStatusChange> _statusChanges = [];

    private Volunteer() { }

    public Volunteer(string number, string name, ProtectedIdNumber idNumber, string? phoneEncrypted, string? maskedPhone,
        string unitCode, bool isStaffOfUnit, IEnumerable<string> skills, string? nationalVolunteerNumber, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Name = name;
        IdNumberHash = idNumber.LookupHash;
        IdNumberEncrypted = idNumber.Encrypted;
        MaskedIdNumber = idNumber.Masked;
        PhoneEncrypted = phoneEncrypted;
        MaskedPhone = maskedPhone;
        UnitCode = unitCode;
        IsStaffOfUnit = isStaffOfUnit;
        Skills = [.. skills.Distinct(StringComparer.OrdinalIgnoreCase)];
        NationalVolunteerNumber = nationalVolunteerNumber;
        Status = VolunteerStatus.Active;
        RegisteredAt = now;
        Record(new VolunteerRegistered(this));
    }

    public Guid Id { get; private set; }

    /// <summary>Our volunteer number, printed on certificates (志愿者编号).</summary>
    public string Number { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string IdNumberHash { get; private set; } = "";

    public string IdNumberEncrypted { get; private set; } = "";

    public string MaskedIdNumber { get; private set; } = "";

    public string? PhoneEncrypted { get; private set; }

    public string? MaskedPhone { get; private set; }

    public string UnitCode { get; private set; } = "";

    /// <summary>Staff of the unit count toward its registration rate; others (family, retirees) do not.</summary>
    public bool IsStaffOfUnit { get; private set; }

    public List<string> Skills { get; private set; } = [];

    /// <summary>The number in the national volunteer system (全国志愿服务信息系统) once synced.</summary>
    public string? NationalVolunteerNumber { get; private set; }

    public VolunteerStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public decimal ApprovedHours { get; private set; }

    /// <summary>The highest star level ever announced, so a crossing is published once even if a void dips below it.</summary>
    public int StarsAnnounced { get; private set; }

    public int Stars => StarLevels.For(ApprovedHours);

    /// <summary>Optimistic concurrency: two approvals for one volunteer cannot lose each other's hours.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<VolunteerStatusChange> StatusChanges => _statusChanges;

    public void Deactivate(string reason, string actor, DateTimeOffset now)
    {
        ChangeStatus(VolunteerStatus.Inactive, "deactivate", reason, actor, now);
        Record(new VolunteerDeactivated(this, reason));
    }

    public void Reactivate(string reason, string actor, DateTimeOffset now)
    {
        ChangeStatus(VolunteerStatus.Active, "reactivate", reason, actor, now);
        Record(new VolunteerReactivated(this, reason));
    }

    public void SetNationalVolunteerNumber(string number) => NationalVolunteerNumber = number;

    /// <summary>
    /// Approves one of this volunteer's pending records and adds its hours to the total. The rules are checked again
    /// against the approved hours of its day, so that what counts never breaks them, whatever was pending beside it.
    /// Every rule is checked before anything changes, so a refused record leaves both as they were.
    /// </summary>
    /// <param name="approvedSameDay">The volunteer's other approved hours that day.</param>
    public void ApproveHours(ServiceRecord record, DayOfService approvedSameDay, HoursLimits limits, string actor, bool inBulk,
        DateTimeOffset now)
    {
        if (record.VolunteerId != Id) throw new ArgumentException("The record is another volunteer's.", nameof(record));
        if (Status != VolunteerStatus.Active)
            throw DomainRuleException.Rule("Hours of an inactive volunteer cannot be approved.", $"Volunteer {Number} is inactive.");
        if (record.Status == ServiceRecordStatus.Pending)
        {
            var overlap = record.Period is { } timed && approvedSameDay.Periods.Any(p => p.Overlaps(timed))
                ? "The volunteer already has approved hours for part of this time."
                : null;
            if ((HoursRules.DayProblem(record.Hours, record.ServiceDate, approvedSameDay.Hours, limits) ?? overlap) is { } problem)
                throw DomainRuleException.Rule("These hours cannot be approved.", problem);
        }
        record.Approve(actor, IsStaffOfUnit, inBulk, now);
        CreditApprovedHours(record.Hours);
    }

    /// <summary>Voids one of this volunteer's approved records and takes its hours off the total.</summary>
    public void VoidHours(ServiceRecord record, string reason, string actor, DateTimeOffset now)
    {
        if (record.VolunteerId != Id) throw new ArgumentException("The record is another volunteer's.", nameof(record));
        record.Void(reason, actor, now);
        ApprovedHours = Math.Max(0, ApprovedHours - record.Hours);
    }

    /// <summary>Adds approved hours; each star level newly reached (usually none, at most a few at once) is recorded.</summary>
    private void CreditApprovedHours(decimal hours)
    {
        ApprovedHours += hours;
        var reached = Enumerable.Range(StarsAnnounced + 1, Math.Max(0, Stars - StarsAnnounced)).ToList();
        if (reached.Count > 0) StarsAnnounced = Stars;
        foreach (var stars in reached) Record(new StarLevelReached(this, stars, ApprovedHours));
    }

    private void ChangeStatus(VolunteerStatus to, string action, string reason, string actor, DateTimeOffset now)
    {
        if (Status == to)
            throw DomainRuleException.IllegalTransition("The volunteer", Status.ToString().ToLowerInvariant(), action,
                [Status == VolunteerStatus.Active ? "deactivate" : "reactivate"]);
        _statusChanges.Add(new VolunteerStatusChange(Id, Status, to, reason, actor, now));
        Status = to;
    }
}

/// <summary>Why a volunteer was deactivated or reactivated, by whom and when; kept forever.</summary>
public sealed class VolunteerStatusChange
{
    private VolunteerStatusChange() { }

    internal VolunteerStatusChange(
        Guid volunteerId, VolunteerStatus from, VolunteerStatus to, string reason, string actor, DateTimeOffset at)
    {
        VolunteerId = volunteerId;
        From = from;
        To = to;
        Reason = reason;
        Actor = actor;
        At = at;
    }

    public long Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    public VolunteerStatus From { get; private set; }

    public VolunteerStatus To { get; private set; }

    public string Reason { get; private set; } = "";

    public string Actor { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
