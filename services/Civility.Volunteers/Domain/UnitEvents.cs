using Civility.Domain;

namespace Civility.Volunteers.Domain;

/// <summary>A unit was registered, or its name or credit code changed.</summary>
public sealed record UnitDetailsChanged(Unit Unit) : IDomainEvent;

public sealed record UnitHeadcountSet(Unit Unit, int Year, int Headcount) : IDomainEvent;

/// <summary>
/// A unit-year's figures after a change to them, copied when it happened: the row they come from changes again with
/// the next approval, and each snapshot must keep its own version.
/// </summary>
public sealed record UnitTargetsChanged(string UnitCode, int Year, long FiguresVersion, int Headcount, int RegisteredStaff,
    decimal StaffHours, decimal OtherHours) : IDomainEvent;
