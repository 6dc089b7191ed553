using Civility.Domain;

namespace Civility.Volunteers.Domain;

public enum SignUpStatus { Confirmed, Waitlisted, Cancelled }

/// <summary>
/// A volunteer activity of a project: time, place, capacity. Sign-ups beyond capacity wait in line and are promoted
/// in order when someone cancels. Check-in and check-out give the actual service time: a late arrival moves the
/// start, an early arrival is not credited, and nothing after the scheduled end counts.
/// </summary>
public sealed class Activity
{
    private readonly List<SignUp> _signUps = [];

    private Activity() { }

    public Activity(
        Guid projectId, string unitCode, string title, string place, DateTimeOffset startsAt, DateTimeOffset endsAt, int capacity)
    {
        if (endsAt <= startsAt) throw DomainRuleException.Rule("An activity ends after it starts.");
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        UnitCode = unitCode;
        Title = title;
        Place = place;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Capacity = capacity;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Place { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public int Capacity { get; private set; }

    public IReadOnlyList<SignUp> SignUps => _signUps;

    public int Confirmed => _signUps.Count(s => s.Status == SignUpStatus.Confirmed);

    public SignUp SignUp(Guid volunteerId, DateTimeOffset now)
    {
        if (_signUps.Any(s => s.VolunteerId == volunteerId && s.Status != SignUpStatus.Cancelled))
            throw DomainRuleException.Conflict("This volunteer has already signed up for the activity.");
        if (now >= EndsAt) throw DomainRuleException.Rule("The activity is over.");
        var status = Confirmed < Capacity ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted;
        var signUp = new SignUp(Id, volunteerId, status, now);
        _signUps.Add(signUp);
        return signUp;
    }

    /// <summary>Cancels a sign-up; if it held a place, the first in line takes it. Returns who was promoted.</summary>
    public SignUp? Cancel(Guid volunteerId, DateTimeOffset now)
    {
        var signUp = Active(volunteerId);
        var heldPlace = signUp.Status == SignUpStatus.Confirmed;
        signUp.Cancel(now);
        if (!heldPlace) return null;
        var next = _signUps.Where(s => s.Status == SignUpStatus.Waitlisted).OrderBy(s => s.SignedUpAt).FirstOrDefault();
        next?.Promote(now);
        return next;
    }

    public void CheckIn(Guid volunteerId, DateTimeOffset now)
    {
        var signUp = Active(volunteerId);
        if (signUp.Status != SignUpStatus.Confirmed) throw DomainRuleException.Rule("Only a confirmed volunteer can check in.");
        if (now >= EndsAt) throw DomainRuleException.Rule("The activity is over.");
        signUp.CheckIn(now);
    }

    /// <summary>Checks out and returns the time actually served and its hours, to be recorded as a pending service record.</summary>
    public (ServicePeriod Period, decimal Hours) CheckOut(Guid volunteerId, DateTimeOffset now)
    {
        var signUp = Active(volunteerId);
        if (signUp.CheckedInAt is not { } checkedIn) throw DomainRuleException.Rule("Check in before checking out.");
        signUp.CheckOut(now);
        var start = checkedIn > StartsAt ? checkedIn : StartsAt;
        var end = now < EndsAt ? now : EndsAt;
        if (end < start) end = start;
        var minutes = (end - start).TotalMinutes;
        return (new ServicePeriod(start, end), decimal.Round((decimal)minutes / 60m, 2, MidpointRounding.ToZero));
    }

    private SignUp Active(Guid volunteerId) =>
        _signUps.FirstOrDefault(s => s.VolunteerId == volunteerId && s.Status != SignUpStatus.Cancelled)
        ?? throw new DomainRuleException(RuleKind.NotFound, "This volunteer has not signed up for the activity.");
}

public sealed class SignUp
{
    private SignUp() { }

    internal SignUp(Guid activityId, Guid volunteerId, SignUpStatus status, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ActivityId = activityId;
        VolunteerId = volunteerId;
        Status = status;
        SignedUpAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid VolunteerId { get; private set; }

    public SignUpStatus Status { get; private set; }

    public DateTimeOffset SignedUpAt { get; private set; }

    public DateTimeOffset? PromotedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    internal void Cancel(DateTimeOffset now)
    {
        if (CheckedInAt is not null) throw DomainRuleException.Rule("A volunteer who checked in cannot cancel.");
        Status = SignUpStatus.Cancelled;
        CancelledAt = now;
    }

    internal void Promote(DateTimeOffset now)
    {
        Status = SignUpStatus.Confirmed;
        PromotedAt = now;
    }

    internal void CheckIn(DateTimeOffset now)
    {
        if (CheckedInAt is not null) throw DomainRuleException.Conflict("Already checked in.");
        CheckedInAt = now;
    }

    internal void CheckOut(DateTimeOffset now)
    {
        if (CheckedOutAt is not null) throw DomainRuleException.Conflict("Already checked out.");
        CheckedOutAt = now;
    }
}
