namespace Civility.Portal.Services;

/// <summary>A page of a service's list, as every service answers it.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public int Pages => PageSize <= 0 ? 0 : (int)((Total + PageSize - 1) / PageSize);
}

/// <summary>A nomination as the moral-model service publishes it (identity masked).</summary>
public sealed record PublicNomination(Guid Id, Guid RoundId, string Category, string? GoodPersonKind, string NomineeName,
    string? MaskedIdNumber, string UnitCode, string Deeds, string Status, DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd,
    DateTimeOffset? CommendedAt, string RoundName, int Year, string NomineeKind, string? UnitName, string? FamilyMotto,
    bool UnderObjection);

public sealed record PublicityNotice(PublicNomination Nomination, DateOnly? PublicityLastDay, int? DaysLeft, bool WindowOpen,
    string Voting, DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, string VoteVerification, bool TallyPublic, long? Votes);

public sealed record BoardYears(IReadOnlyList<int> Years);

public sealed record VoteCodeSent(Guid NominationId, string Phone, int ValidForSeconds, int ResendAfterSeconds);

public sealed record VoteCast(Guid NominationId, DateTimeOffset CastAt);

public sealed record ObjectionFiled(Guid Id, Guid NominationId, DateTimeOffset FiledAt, string Status);

/// <summary>A published credit-list entry with the lawful fields only (a person's ID number masked).</summary>
public sealed record PublicEntry(Guid EntryId, string SubjectKind, string SubjectName, string Identifier, string ListType, string? Tier,
    string Law, string Article, string Facts, string DecisionNumber, string DecidingDepartment, DateOnly ListingDate,
    DateOnly PublishedFrom, DateOnly PublishedUntil);

public sealed record Departments(IReadOnlyList<string> Items);

public sealed record RepairProgress(string QueryCode, string Status, DateOnly SubmittedOn, DateOnly DecideBy, bool Provisional,
    DateOnly? DecidedOn, string? Reply);

public sealed record CertificateCheck(bool Genuine, string Number, string MaskedName, string MaskedIdNumber, DateOnly PeriodFrom,
    DateOnly PeriodTo, decimal Hours, string IssuingOrganization, DateTimeOffset IssuedAt);

public sealed record TargetsRow(string UnitCode, string UnitName, int Headcount, int RegisteredStaff, decimal RegistrationRate,
    decimal HoursPerHead, bool RegistrationMet, bool HoursMet);

public sealed record PublicTargets(int Year, decimal RegistrationTarget, decimal HoursPerHeadTarget, TargetsRow Bureau,
    IReadOnlyList<TargetsRow>? Units);

/// <summary>
/// A service's answer to a form: the value when it succeeded, else the status and what the problem said (its title and
/// the fields it named), for the page to say plainly.
/// </summary>
public sealed record Answer<T>(int Status, T? Value, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
    where T : class
{
    public bool Ok => Value is not null;
}
