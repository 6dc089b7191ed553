using Civility.Domain;

namespace Civility.Volunteers.Domain;

/// <summary>The record's hours count from now on (an approved record changes no more, except to be voided).</summary>
public sealed record ServiceHoursApproved(ServiceRecord Record) : IDomainEvent;

/// <summary>An approved record was voided with a reason (records are never deleted).</summary>
public sealed record ServiceRecordVoided(ServiceRecord Record, string Reason) : IDomainEvent;
