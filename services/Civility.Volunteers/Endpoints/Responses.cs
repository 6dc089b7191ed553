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

public sealed record ServiceRecordResponse(
    Guid Id, Guid VolunteerId, string UnitCode, ServiceRecordSource Source, string? SourceReference, DateOnly ServiceDate,
    decimal Hours, string Content, ServiceRecordStatus Status, string RecordedBy, DateTimeOffset RecordedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DeclineReason, string? VoidedBy, DateTimeOffset? VoidedAt,
    string? VoidReason, IReadOnlyList<string> AllowedActions)
{
    public static ServiceRecordResponse From(ServiceRecord r) => new(r.Id, r.VolunteerId, r.UnitCode, r.Source, r.SourceReference,
        r.ServiceDate, r.Hours, r.Content, r.Status, r.RecordedBy, r.RecordedAt, r.DecidedBy, r.DecidedAt, r.DeclineReason,
        r.VoidedBy, r.VoidedAt, r.VoidReason, r.AllowedActions);
}
