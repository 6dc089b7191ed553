using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Endpoints;

/// <summary>A volunteer as every response shows one: ID number and phone masked, never in clear.</summary>
public sealed record VolunteerResponse(
    Guid Id, string Number, string Name, string MaskedIdNumber, string? MaskedPhone, string UnitCode, bool IsStaffOfUnit,
    IReadOnlyList<string> Skills, string? NationalVolunteerNumber, VolunteerStatus Status, decimal ApprovedHours, int Stars,
    DateTimeOffset RegisteredAt)
{
    public static VolunteerResponse From(Volunteer v) => new(v.Id, v.Number, v.Name, v.MaskedIdNumber, v.MaskedPhone, v.UnitCode,
        v.IsStaffOfUnit, v.Skills, v.NationalVolunteerNumber, v.Status, v.ApprovedHours, v.Stars, v.RegisteredAt);
}

/// <param name="UnitCode">The volunteer's unit: where the hours count and are approved.</param>
/// <param name="OriginUnitCode">The unit that recorded them (another one for a pairing or another unit's activity).</param>
/// <param name="HeldReason">Why hours delivered by an event wait for a decision instead of being approved at once.</param>
public sealed record ServiceRecordResponse(
    Guid Id, Guid VolunteerId, string UnitCode, string OriginUnitCode, ServiceRecordSource Source, string? SourceReference,
    DateOnly ServiceDate, decimal Hours, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string Content,
    ServiceRecordStatus Status, string? HeldReason, string RecordedBy, DateTimeOffset RecordedAt, string? DecidedBy,
    DateTimeOffset? DecidedAt, string? DeclineReason, string? VoidedBy, DateTimeOffset? VoidedAt, string? VoidReason,
    IReadOnlyList<string> AllowedActions)
{
    public static ServiceRecordResponse From(ServiceRecord r) => new(
        r.Id, r.VolunteerId, r.UnitCode, r.OriginUnitCode, r.Source, r.SourceReference,
        r.ServiceDate, r.Hours, r.StartedAt, r.EndedAt, r.Content, r.Status, r.HeldReason,
        r.RecordedBy, r.RecordedAt, r.DecidedBy, r.DecidedAt, r.DeclineReason, r.VoidedBy, r.VoidedAt, r.VoidReason, r.AllowedActions);
}
